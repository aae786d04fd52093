package lab.portexhaustion.dsl;

import static lab.portexhaustion.dsl.MongoDsl.mongo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.run.SetupFailureException;
import org.junit.jupiter.api.Test;

/** The problems of a scenario's requests, gathered as Gatling builds them (from the last back) and refused all together. */
class RequestProblemsTest {

  private static final HarnessSettings SETTINGS = TestSettings.with();

  private static List<String> problemsOf(MongoRequestBuilder request) {
    return request.problems(SETTINGS, true, "pooled");
  }

  @Test
  void twoBrokenRequestsAreRefusedTogetherInTheChainsOrder() {
    MongoRequestBuilder first = mongo("read session").find("{_id: 'a'");
    MongoRequestBuilder second = mongo("save session").collection("").insertOne("{_id: 'a', at: }");
    RequestProblems problems = new RequestProblems();
    problems.add(problemsOf(second)); // Gatling builds the chain from its last request back
    problems.add(problemsOf(first));

    SetupFailureException refused = catchThrowableOfType(SetupFailureException.class, () -> problems.refuseIfAny("SessionStore"));

    assertThat(refused.code()).isEqualTo(ProcessExit.Code.SETUP_FAILED);
    assertThat(refused.paragraphs()).hasSize(3);
    assertThat(refused.paragraphs().get(0)).startsWith("The request 'read session': the filter of 'read session'");
    assertThat(refused.paragraphs().get(1)).startsWith("The request 'save session' has an empty collection name");
    assertThat(refused.paragraphs().get(2)).startsWith("The request 'save session': the document of 'save session'");
    assertThat(refused.getMessage()).startsWith("\n=== SessionStore did not start; no load was sent ===\n")
        .contains("\n\nThe request 'read session'", "\n\nThe request 'save session' has", "\n\nThe request 'save session': ");
  }

  @Test
  void aRequestGivenTwiceSaysItsProblemsOnce() {
    MongoRequestBuilder broken = mongo("read session").find("{_id: 'a'");
    RequestProblems problems = new RequestProblems();
    problems.add(problemsOf(broken));
    problems.add(problemsOf(broken));

    assertThat(catchThrowableOfType(SetupFailureException.class, () -> problems.refuseIfAny("SessionStore")).paragraphs())
        .singleElement().asString().startsWith("The request 'read session'");
  }

  @Test
  void requestsWithoutProblemsAreNotRefused() {
    RequestProblems problems = new RequestProblems();
    problems.add(problemsOf(mongo("read session").find("{}")));

    assertThatCode(() -> problems.refuseIfAny("SessionStore")).doesNotThrowAnyException();
  }
}
