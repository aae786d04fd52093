package lab.portexhaustion.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads every class of the harness before the load starts. The JVM reads a class the first time
 * it is needed, and from a classes folder (as under {@code mvn gatling:test}) that takes a
 * descriptor per class file. The failure path (the classifier, the onset record) is first needed
 * exactly when a run has exhausted descriptors, and would then fail with NoClassDefFoundError.
 */
final class HarnessClasses {

  private static final String PACKAGE_FOLDER = "lab/portexhaustion/";
  private static final String CLASS_SUFFIX = ".class";

  private HarnessClasses() {}

  /** Loads (without initialising) every class under {@code lab.portexhaustion}; returns how many. */
  static int loadAll() {
    ClassLoader loader = HarnessClasses.class.getClassLoader();
    List<String> names = classNames();
    for (String name : names) {
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("cannot load harness class " + name + ": " + e, e);
      }
    }
    return names.size();
  }

  private static List<String> classNames() {
    try {
      Path location = Path.of(HarnessClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isDirectory(location) ? fromFolder(location) : fromJar(location);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the harness classes: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the harness classes", e);
    }
  }

  private static List<String> fromFolder(Path root) throws IOException {
    Path packageRoot = root.resolve(PACKAGE_FOLDER);
    try (Stream<Path> files = Files.walk(packageRoot)) {
      return files.map(f -> root.relativize(f).toString().replace('\\', '/'))
          .filter(HarnessClasses::isClassFile)
          .map(HarnessClasses::className)
          .toList();
    }
  }

  private static List<String> fromJar(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(file.entries())) {
        if (entry.getName().startsWith(PACKAGE_FOLDER) && isClassFile(entry.getName())) {
          names.add(className(entry.getName()));
        }
      }
    }
    return names;
  }

  private static boolean isClassFile(String path) {
    return path.endsWith(CLASS_SUFFIX) && !path.endsWith("module-info.class");
  }

  private static String className(String path) {
    return path.substring(0, path.length() - CLASS_SUFFIX.length()).replace('/', '.');
  }
}
