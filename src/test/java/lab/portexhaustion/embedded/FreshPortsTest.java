package lab.portexhaustion.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import lab.portexhaustion.sockets.ClosedPort;
import org.junit.jupiter.api.Test;

class FreshPortsTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void candidatesAreDistinctPortsTheCallerCallsFresh() {
    List<Integer> candidates = FreshPorts.candidates(port -> port % 2 == 0 && port >= 30000, 20);

    assertThat(candidates).hasSize(20).doesNotHaveDuplicates().allSatisfy(port -> {
      assertThat(port % 2).isZero();
      assertThat(port).isBetween(30000, 65535);
    });
  }

  @Test
  void noCandidateWhenNoPortIsFresh() {
    assertThat(FreshPorts.candidates(port -> false, 20)).isEmpty();
  }

  @Test
  void aTakenCandidateIsPassedOverAndAnyFreePortTakenWhenNoneIsLeft() throws IOException {
    List<ServerSocket> opened = new ArrayList<>();
    try (ServerSocket taken = new ServerSocket(0, 1, LOOPBACK)) {
      List<Integer> tried = new ArrayList<>();

      FreshPorts.bindFirstFree(List.of(taken.getLocalPort()), port -> {
        tried.add(port);
        opened.add(listen(port));
      });

      assertThat(tried).containsExactly(taken.getLocalPort(), 0);
      assertThat(opened).singleElement().satisfies(socket -> assertThat(socket.getLocalPort()).isPositive()
          .isNotEqualTo(taken.getLocalPort()));
    } finally {
      for (ServerSocket socket : opened) {
        socket.close();
      }
    }
  }

  @Test
  void theFirstFreeCandidateIsTheOneBound() throws IOException {
    int free = ClosedPort.freeOnLoopback();
    List<ServerSocket> opened = new ArrayList<>();
    try {
      FreshPorts.bindFirstFree(List.of(free), port -> opened.add(listen(port)));

      assertThat(opened).singleElement().extracting(ServerSocket::getLocalPort).isEqualTo(free);
    } finally {
      for (ServerSocket socket : opened) {
        socket.close();
      }
    }
  }

  private static ServerSocket listen(int port) {
    try {
      ServerSocket socket = new ServerSocket();
      try {
        socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
      } catch (IOException taken) {
        socket.close();
        throw taken;
      }
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
