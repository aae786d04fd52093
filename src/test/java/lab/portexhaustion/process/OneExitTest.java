package lab.portexhaustion.process;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Only {@link ProcessExit} ends a JVM: every other class throws a {@link ProgramFailure} or returns a code, so that the
 * DSL and a run can be driven in-process (docs/architecture.md, "process").
 */
class OneExitTest {

  private static final ArchRule ONLY_PROCESS_EXIT_ENDS_THE_JVM = noClasses()
      .that().doNotHaveFullyQualifiedName(ProcessExit.class.getName())
      .should().callMethod(System.class, "exit", int.class)
      .orShould().callMethod(Runtime.class, "exit", int.class)
      .orShould().callMethod(Runtime.class, "halt", int.class)
      .because("a JVM ends in one place, with a code of docs/verdict.md's table");

  @Test
  void noMainClassButProcessExitEndsTheJvm() {
    JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("lab.portexhaustion");
    assertThat(main.contain(ProcessExit.class)).as("the main classes were found").isTrue();

    ONLY_PROCESS_EXIT_ENDS_THE_JVM.check(main);
  }

  @Test
  void aClassThatEndsTheJvmItselfFailsTheRuleByName() {
    JavaClasses withSecondExit = new ClassFileImporter().importClasses(ProcessExit.class, SecondExitFixture.class);

    assertThatThrownBy(() -> ONLY_PROCESS_EXIT_ENDS_THE_JVM.check(withSecondExit))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(SecondExitFixture.class.getName())
        .hasMessageContaining("System.exit(int)");
  }

  /** Ends the JVM without ProcessExit: the call the rule must refuse. Never run. */
  static final class SecondExitFixture {
    static void end() {
      System.exit(1);
    }
  }
}
