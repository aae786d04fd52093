package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The project folder as the gatling-maven-plugin hands it to Gatling's JVM, among options it splits at commas. */
class ProjectFolderCheckTest {

  @Test
  void aFolderWithACommaInItsPathIsRefusedWithTheFolderNamed() {
    assertThat(ProjectFolderCheck.problem("/home/ana/load tests, 2026/lab")).hasValueSatisfying(problem -> assertThat(problem)
        .startsWith("The project folder '/home/ana/load tests, 2026/lab' has a comma in its path.")
        .endsWith("Move the project to a folder whose path has no comma."));
  }

  @Test
  void aFolderWithoutACommaPasses() {
    assertThat(ProjectFolderCheck.problem("/home/ana/load tests (2026)/lab")).isEmpty();
  }
}
