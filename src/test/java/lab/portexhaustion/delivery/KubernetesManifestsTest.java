package lab.portexhaustion.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes/ as the Kubernetes API would read it (no cluster here): every manifest read strictly into the model
 * classes of a maintained client library, then held to what makes the fleet work: an Indexed Job of injectors, each pod
 * with its own safe port-range sysctl, all reaching the one mongod, writing to the volume the collector merges from.
 */
class KubernetesManifestsTest {

  private static final Path MANIFESTS = Path.of("deploy/kubernetes");
  private static final String NAMESPACE = "port-exhaustion-lab";
  /** The kubelet's safe sysctls (Kubernetes 1.29+): namespaced per pod, allowed without --allowed-unsafe-sysctls. */
  private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
      "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
      "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
      "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");

  private static final List<HasMetadata> objects = new ArrayList<>();

  @BeforeAll
  static void readEveryManifestStrictly() throws Exception {
    try (Stream<Path> files = Files.list(MANIFESTS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        objects.addAll(StrictKubernetesModel.read(Files.readString(file), file.toString()));
      }
    }
  }

  private static <T extends HasMetadata> T only(Class<T> type) {
    List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).as(type.getSimpleName()).hasSize(1);
    return found.get(0);
  }

  private static String env(Container container, String name) {
    return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst()
        .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
  }

  @Test
  void theManifestsAreTheLabsObjectsInItsNamespace() {
    assertThat(objects).extracting(HasMetadata::getKind)
        .containsExactly("Namespace", "Service", "StatefulSet", "PersistentVolumeClaim", "Job", "Pod");
    assertThat(only(Namespace.class).getMetadata().getName()).isEqualTo(NAMESPACE);
    assertThat(objects.stream().filter(o -> !(o instanceof Namespace))).allMatch(o -> NAMESPACE.equals(o.getMetadata().getNamespace()));
  }

  @Test
  void theInjectorsAreAnIndexedJobEachPodWithItsOwnSafePortRange() {
    Job job = only(Job.class);
    PodSpec pod = job.getSpec().getTemplate().getSpec();

    assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
    assertThat(job.getSpec().getCompletions()).isGreaterThan(1).isEqualTo(job.getSpec().getParallelism());
    assertThat(job.getSpec().getBackoffLimitPerIndex()).as("a failed client is not run again").isZero();
    assertThat(job.getSpec().getActiveDeadlineSeconds()).as("the Job ends by itself").isPositive();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    List<Sysctl> sysctls = pod.getSecurityContext().getSysctls();
    assertThat(sysctls).extracting(Sysctl::getName).contains("net.ipv4.ip_local_port_range").allMatch(SAFE_SYSCTLS::contains);
    String[] range = sysctls.stream().filter(s -> s.getName().equals("net.ipv4.ip_local_port_range")).findFirst().orElseThrow()
        .getValue().split(" ");
    assertThat(range).hasSize(2);
    assertThat(Integer.parseInt(range[0])).isBetween(1024, Integer.parseInt(range[1]) - 1);
    assertThat(Integer.parseInt(range[1])).isLessThanOrEqualTo(65535);

    Container injector = pod.getContainers().get(0);
    assertThat(injector.getCommand()).containsExactly("/opt/harness/bin/run-injector");
    assertThat(Path.of("docker/harness-bin/run-injector")).isExecutable();
    for (String simulation : env(injector, "SIMULATIONS").split(" +")) {
      assertThat(Path.of("simulations", simulation + ".java")).as("simulation %s", simulation).exists();
    }
    assertThat(env(injector, "PORT_EXHAUSTION_LAB_CONTAINED")).isEqualTo("1");
  }

  @Test
  void theInjectorsReachTheOneMongodThroughItsHeadlessService() {
    Service service = only(Service.class);
    StatefulSet mongo = only(StatefulSet.class);
    URI uri = URI.create(env(only(Job.class).getSpec().getTemplate().getSpec().getContainers().get(0), "MONGODB_URI"));

    assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(mongo.getSpec().getServiceName()).isEqualTo(service.getMetadata().getName());
    assertThat(mongo.getSpec().getReplicas()).isEqualTo(1);
    assertThat(mongo.getSpec().getTemplate().getMetadata().getLabels()).as("the Service selects mongod's pod")
        .containsAllEntriesOf(service.getSpec().getSelector()).containsAllEntriesOf(mongo.getSpec().getSelector().getMatchLabels());
    assertThat(uri.getScheme()).isEqualTo("mongodb");
    assertThat(uri.getHost()).isEqualTo(mongo.getMetadata().getName() + "-0." + service.getMetadata().getName() + "." + NAMESPACE
        + ".svc.cluster.local");
    assertThat(uri.getPort()).isEqualTo(service.getSpec().getPorts().get(0).getPort())
        .isEqualTo(mongo.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort());
    assertThat(mongo.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).matches("mongo:8\\.0\\.\\d+");
  }

  @Test
  void theCollectorMergesFromTheVolumeTheInjectorsWriteTo() {
    Job job = only(Job.class);
    Pod collector = only(Pod.class);
    Container injector = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    Container merger = collector.getSpec().getContainers().get(0);
    String claim = only(PersistentVolumeClaim.class).getMetadata().getName();

    assertThat(merger.getCommand()).containsExactly("/opt/harness/bin/merge-fleet");
    assertThat(Path.of("docker/harness-bin/merge-fleet")).isExecutable();
    assertThat(Integer.parseInt(env(merger, "EXPECTED_CLIENTS"))).as("one done file per injector").isEqualTo(job.getSpec().getCompletions());
    assertThat(merger.getImage()).isEqualTo(injector.getImage());
    for (PodSpec pod : List.of(job.getSpec().getTemplate().getSpec(), collector.getSpec())) {
      Container container = pod.getContainers().get(0);
      String volume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(env(container, "RESULTS")))
          .findFirst().orElseThrow().getName();
      assertThat(pod.getVolumes()).anyMatch(v -> v.getName().equals(volume) && v.getPersistentVolumeClaim() != null
          && v.getPersistentVolumeClaim().getClaimName().equals(claim));
    }
    long waits = Long.parseLong(env(merger, "WAIT_SECONDS")) + Long.parseLong(env(merger, "KEEP_SECONDS"));
    assertThat(collector.getSpec().getActiveDeadlineSeconds()).as("the collector ends by itself").isGreaterThan(waits);
  }

  @Test
  void everyPodRunsWithoutPrivilegesFromAPinnedImage() {
    List<PodSpec> pods = List.of(only(Job.class).getSpec().getTemplate().getSpec(), only(Pod.class).getSpec(),
        only(StatefulSet.class).getSpec().getTemplate().getSpec());
    for (PodSpec pod : pods) {
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
      for (Container container : pod.getContainers()) {
        assertThat(container.getImage()).as(container.getName()).matches("[\\w./-]+:\\d+\\.\\d+\\.\\d+[\\w.-]*");
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getResources().getLimits()).containsKey("memory");
      }
    }
  }

  @Test
  void theHarnessImageIsTheOneTheDocsBuild() throws Exception {
    String image = only(Job.class).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();

    assertThat(Files.readString(Path.of("docs/kubernetes.md"))).contains("-t " + image + " ");
    assertThat(Files.readString(Path.of("docker/harness.Dockerfile"))).contains("-t " + image + " ");
  }

  @Test
  void anUnknownFieldADuplicateKeyOrAWrongTypeFailsTheRead() {
    String job = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: injectors
        spec:
          completionMode: Indexed
          completions: 2
          template:
            spec:
              restartPolicy: Never
              securityContext:
                %s
              containers:
                - name: injector
                  image: harness:0.1.0
        """;
    String good = job.formatted("runAsNonRoot: true");

    assertThat(readable(good)).isTrue();
    assertThat(readable(good.replace("completionMode:", "completionsMode:"))).as("misspelt field").isFalse();
    assertThat(readable(job.formatted("sysctl: [{name: net.ipv4.ip_local_port_range, value: \"40000 40999\"}]")))
        .as("a field of another object, deep down").isFalse();
    assertThat(readable(good.replace("completions: 2", "completions: 2\n  completions: 3"))).as("duplicate key").isFalse();
    assertThat(readable(good.replace("completions: 2", "completions: \"2\""))).as("a string for a number").isFalse();
    assertThatThrownBy(() -> StrictKubernetesModel.read(good.replace("batch/v1", "batch/v2"), "test"))
        .hasMessageContaining("batch/v2/Job");
  }

  private static boolean readable(String yaml) {
    try {
      StrictKubernetesModel.read(yaml, "test");
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
