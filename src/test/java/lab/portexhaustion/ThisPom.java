package lab.portexhaustion;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

/** This project's pom.xml as written, for tests that hold a built fact (a filtered resource, a workflow) to it. */
public final class ThisPom {

  private ThisPom() {}

  /** The text at {@code xpath}, element names without the POM namespace, e.g. {@code /project/version}. */
  public static String text(String xpath) {
    try {
      return XPathFactory.newInstance().newXPath()
          .evaluate(xpath, DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())).strip();
    } catch (Exception e) {
      throw new IllegalStateException("could not read " + xpath + " from pom.xml", e);
    }
  }
}
