package lab.portexhaustion.dsl;

import io.gatling.javaapi.core.Session;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import lab.portexhaustion.gatling.UnresolvedRequestException;
import org.bson.BsonArray;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonDocument;
import org.bson.json.JsonParseException;

/**
 * A document, filter or pipeline as a request gives it: JSON text with Gatling EL ({@code #{user}}) filled in from
 * the virtual user's session, or a function of the session that returns the JSON. Checked once before the load
 * (the EL compiles; the text is JSON with every EL reference taken as a value); filled in per request.
 */
final class JsonTemplate {

  private static final Pattern EL_REFERENCE = Pattern.compile("#\\{[^}]*\\}");

  private final String what;
  private final String text;
  private final Function<io.gatling.core.session.Session, String> fill;

  private JsonTemplate(String what, String text, Function<io.gatling.core.session.Session, String> fill) {
    this.what = what;
    this.text = text;
    this.fill = fill;
  }

  /** {@code json} with Gatling EL; {@code what} names it in messages ("the filter"). */
  static JsonTemplate el(String what, String json) {
    if (json == null) {
      return new JsonTemplate(what, null, null);
    }
    ElText compiled;
    try {
      compiled = new ElText(json);
    } catch (Exception e) {
      return new JsonTemplate(what, json, session -> {
        throw new UnresolvedRequestException(what + ": its Gatling EL does not compile: " + e.getMessage());
      });
    }
    return new JsonTemplate(what, json, session -> compiled.fill(session, what));
  }

  /** JSON from a function of the session, called per request on Gatling's thread. */
  static JsonTemplate function(String what, Function<Session, String> json) {
    if (json == null) {
      return new JsonTemplate(what, null, null);
    }
    return new JsonTemplate(what, null, session -> {
      String made;
      try {
        made = json.apply(new Session(session));
      } catch (RuntimeException e) {
        throw new UnresolvedRequestException(what + ": the function failed: " + e);
      }
      if (made == null) {
        throw new UnresolvedRequestException(what + ": the function returned null");
      }
      return made;
    });
  }

  /** What is wrong with this template whatever the session holds, if anything; checked before the load. */
  Optional<String> problem(boolean array) {
    return problem(array, parsed -> Optional.empty());
  }

  /**
   * As {@link #problem(boolean)}, then {@code shape} on the text as parsed there (a BsonDocument or BsonArray, every EL
   * reference a value of 0): what the operation needs of it that no session could change. A function's JSON is not
   * known before the load.
   */
  Optional<String> problem(boolean array, Function<Object, Optional<String>> shape) {
    if (fill == null) {
      return Optional.of(what + " is null: give JSON text or a function of the session");
    }
    if (text == null) {
      return Optional.empty(); // a function: only its result can be checked
    }
    try {
      new ElText(text);
    } catch (Exception e) {
      return Optional.of(what + " " + quoted() + ": its Gatling EL does not compile: " + withoutFullStop(e.getMessage()));
    }
    Object parsed;
    try {
      parsed = parse(EL_REFERENCE.matcher(text).replaceAll("0"), array);
    } catch (JsonParseException | BsonInvalidOperationException e) {
      return Optional.of(what + " " + quoted() + " is not " + (array ? "a JSON array of documents" : "a JSON document") + ": "
          + withoutFullStop(e.getMessage()));
    }
    return shape.apply(parsed).map(why -> what + " " + quoted() + " " + why);
  }

  BsonDocument document(io.gatling.core.session.Session session) {
    return (BsonDocument) resolve(session, false);
  }

  BsonArray array(io.gatling.core.session.Session session) {
    return (BsonArray) resolve(session, true);
  }

  private Object resolve(io.gatling.core.session.Session session, boolean array) {
    String json = fill.apply(session);
    try {
      return parse(json, array);
    } catch (JsonParseException | BsonInvalidOperationException e) {
      throw new UnresolvedRequestException(what + " is not JSON once filled in (" + shortened(json) + "): "
          + withoutFullStop(e.getMessage()));
    }
  }

  private static Object parse(String json, boolean array) {
    if (!array) {
      return BsonDocument.parse(json);
    }
    BsonArray parsed = BsonArray.parse(json);
    parsed.forEach(element -> element.asDocument()); // every element a document, or a BsonInvalidOperationException
    return parsed;
  }

  /**
   * A parser's message as the end of one of ours: without its own closing full stop, as the problem it ends up in gets
   * one ("... found '<eof>'." would read "'<eof>'..").
   */
  private static String withoutFullStop(String message) {
    String text = String.valueOf(message).strip();
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private String quoted() {
    return "'" + shortened(text) + "'";
  }

  private static String shortened(String json) {
    return json.length() <= 80 ? json : json.substring(0, 77) + "...";
  }
}
