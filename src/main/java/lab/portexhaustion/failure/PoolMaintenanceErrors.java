package lab.portexhaustion.failure;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Instant;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Hears the connections a driver's pool fails to open in the background, while it keeps its {@code minPoolSize}: the
 * pool-storm client's refusals. No listener of the driver hears them: the driver hands the error to its server
 * monitoring, which drops it as stale when the server streams (a connection that failed before its handshake carries no
 * topology version), and only logs it as a warning of its connection logger, with the exception. This filter sees that
 * log event before any level is applied (Logback asks turbo filters first) and hands the exception object to the run's
 * listener, to be classified like any other; it changes nothing in what is logged.
 */
public final class PoolMaintenanceErrors extends TurboFilter implements AutoCloseable {

  /** The driver's connection logger, where the pool's background maintenance reports a connection it could not open. */
  static final String DRIVER_CONNECTION_LOGGER = "org.mongodb.driver.connection";

  private final SocketErrorListener listener;
  private final LoggerContext context;

  private PoolMaintenanceErrors(SocketErrorListener listener, LoggerContext context) {
    this.listener = listener;
    this.context = context;
  }

  /** Starts hearing; does nothing where Logback is not the logging backend. Close to stop. */
  public static PoolMaintenanceErrors install(SocketErrorListener listener) {
    LoggerContext context = LoggerFactory.getILoggerFactory() instanceof LoggerContext logback ? logback : null;
    PoolMaintenanceErrors filter = new PoolMaintenanceErrors(listener, context);
    if (context != null) {
      filter.start();
      context.addTurboFilter(filter);
    }
    return filter;
  }

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (t != null && level == Level.WARN && DRIVER_CONNECTION_LOGGER.equals(logger.getName())) {
      listener.socketError(t, Instant.now());
    }
    return FilterReply.NEUTRAL;
  }

  @Override
  public void close() {
    if (context != null) {
      context.getTurboFilterList().remove(this);
    }
    stop();
  }
}
