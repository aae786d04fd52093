package lab.portexhaustion.strategy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the keep-alive strategy's connections between their request and their end. One thread
 * watches them all and closes the client's end as soon as the server has closed its own, so a
 * connection the server timed out leaves no CLOSE_WAIT socket behind. Everything still open is
 * closed with {@link #close()}.
 */
final class IdleConnections implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IdleConnections.class);
  private static final long SELECT_TIMEOUT_MILLIS = 500;

  private final Selector selector;
  private final Queue<SocketChannel> arriving = new ConcurrentLinkedQueue<>();
  private final AtomicInteger open = new AtomicInteger();
  private final ByteBuffer discard = ByteBuffer.allocate(4096);
  private final Thread watcher;
  private volatile boolean closing;

  IdleConnections() throws IOException {
    this.selector = Selector.open();
    this.watcher = new Thread(this::watch, "harness-idle-connections");
    this.watcher.setDaemon(true);
    this.watcher.start();
  }

  /** Takes over an open connection whose request is done. */
  void keep(SocketChannel channel) throws IOException {
    channel.configureBlocking(false);
    open.incrementAndGet();
    arriving.add(channel);
    selector.wakeup();
  }

  int count() {
    return open.get();
  }

  private void watch() {
    try {
      while (!closing) {
        selector.select(SELECT_TIMEOUT_MILLIS);
        registerArrivals();
        for (SelectionKey key : selector.selectedKeys()) {
          closeIfServerClosed(key);
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("idle connection watcher stopped: {}", e.toString());
    }
  }

  private void registerArrivals() throws IOException {
    for (SocketChannel channel = arriving.poll(); channel != null; channel = arriving.poll()) {
      channel.register(selector, SelectionKey.OP_READ);
    }
  }

  /** Readable on an idle connection means the server closed it (end of stream or reset); anything else it sent is dropped. */
  private void closeIfServerClosed(SelectionKey key) {
    SocketChannel channel = (SocketChannel) key.channel();
    boolean ended;
    try {
      discard.clear();
      ended = channel.read(discard) < 0;
    } catch (IOException reset) {
      ended = true;
    }
    if (ended) {
      key.cancel();
      release(channel);
    }
  }

  private void release(SocketChannel channel) {
    if (!channel.isOpen()) {
      return; // a cancelled key stays in the selector's key set until its next select
    }
    open.decrementAndGet();
    try {
      channel.close();
    } catch (IOException e) {
      LOG.warn("closing an idle connection: {}", e.toString());
    }
  }

  /** Closes every connection still held; a second call does nothing. */
  @Override
  public synchronized void close() {
    if (!selector.isOpen()) {
      return;
    }
    closing = true;
    selector.wakeup();
    try {
      watcher.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    selector.keys().forEach(key -> release((SocketChannel) key.channel()));
    arriving.forEach(this::release);
    try {
      selector.close();
    } catch (IOException e) {
      LOG.warn("closing the idle connection selector: {}", e.toString());
    }
  }
}
