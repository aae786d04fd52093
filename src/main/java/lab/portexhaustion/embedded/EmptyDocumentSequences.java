package lab.portexhaustion.embedded;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;

/**
 * OP_MSG document sequences that hold no document, given to mongo-java-server as an empty array in the command. A
 * client may send a write's list (an insert's {@code documents}, an update's {@code updates}) as a sequence beside the
 * command rather than inside it, and a sequence may be empty (PyMongo sends {@code {insert: "items", documents: []}}
 * so); mongo-java-server's decoder reads at least one document from every sequence, so it read past the message and
 * closed the connection, and the driver, seeing a network error, took the server for down and cleared its pool. mongod
 * refuses the empty write itself, with code 16 ({@code mongod.WriteBatches}). A frame without such a sequence, or one this
 * does not read, passes unchanged. Each frame comes whole from the length-field decoder before it.
 */
@ChannelHandler.Sharable
final class EmptyDocumentSequences extends ChannelInboundHandlerAdapter {

  private static final int OP_CODE_AT = 12;
  private static final int FLAG_BITS_AT = 16;
  private static final int SECTIONS_AT = 20;
  private static final int CHECKSUM_PRESENT = 1;
  private static final int CHECKSUM_BYTES = 4;
  private static final byte BODY = 0;
  private static final byte SEQUENCE = 1;
  private static final byte BSON_ARRAY = 4;
  /** A BSON document with no element: its size (5) and its end. */
  private static final byte[] EMPTY_ARRAY = {5, 0, 0, 0, 0};

  /** Where the command's body lies in the frame, and what sequences follow it. */
  private record Sections(int bodyAt, int bodySize, List<byte[]> emptyNames, List<int[]> kept) {}

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (message instanceof ByteBuf frame) {
      Sections sections = read(frame);
      if (sections != null && !sections.emptyNames().isEmpty()) {
        ByteBuf rewritten = rewrite(ctx, frame, sections);
        frame.release();
        ctx.fireChannelRead(rewritten);
        return;
      }
    }
    ctx.fireChannelRead(message);
  }

  /** The frame's sections, or null where it is no OP_MSG or does not read as one (mongo-java-server then says why). */
  private static Sections read(ByteBuf frame) {
    int start = frame.readerIndex();
    int end = frame.writerIndex();
    if (end - start < SECTIONS_AT || frame.getIntLE(start + OP_CODE_AT) != StreamingHelloResponder.OP_MSG) {
      return null;
    }
    if ((frame.getIntLE(start + FLAG_BITS_AT) & CHECKSUM_PRESENT) != 0) {
      end -= CHECKSUM_BYTES;
    }
    int bodyAt = -1;
    int bodySize = 0;
    List<byte[]> emptyNames = new ArrayList<>();
    List<int[]> kept = new ArrayList<>();
    int at = start + SECTIONS_AT;
    while (at < end) {
      byte kind = frame.getByte(at);
      if (at + 5 > end) {
        return null;
      }
      int size = frame.getIntLE(at + 1);
      if (size < 5 || at + 1 + size > end) {
        return null;
      }
      if (kind == BODY) {
        bodyAt = at + 1;
        bodySize = size;
      } else if (kind == SEQUENCE) {
        int nameEnd = frame.indexOf(at + 5, at + 1 + size, (byte) 0);
        if (nameEnd < 0) {
          return null;
        }
        if (nameEnd + 1 == at + 1 + size) {
          byte[] name = new byte[nameEnd - (at + 5)];
          frame.getBytes(at + 5, name);
          emptyNames.add(name);
        } else {
          kept.add(new int[] {at, 1 + size});
        }
      } else {
        return null;
      }
      at += 1 + size;
    }
    return bodyAt < 0 ? null : new Sections(bodyAt, bodySize, emptyNames, kept);
  }

  /**
   * The frame with each empty sequence's name as an empty array at the end of the command's body, its other sequences
   * as they were, and without its checksum, which no longer holds (mongo-java-server does not check one).
   */
  private static ByteBuf rewrite(ChannelHandlerContext ctx, ByteBuf frame, Sections sections) {
    int start = frame.readerIndex();
    int added = sections.emptyNames().stream().mapToInt(name -> 1 + name.length + 1 + EMPTY_ARRAY.length).sum();
    ByteBuf out = ctx.alloc().buffer(frame.readableBytes() + added);
    out.writeBytes(frame, start, FLAG_BITS_AT);
    out.writeIntLE(frame.getIntLE(start + FLAG_BITS_AT) & ~CHECKSUM_PRESENT);
    out.writeByte(BODY);
    out.writeIntLE(sections.bodySize() + added);
    out.writeBytes(frame, sections.bodyAt() + 4, sections.bodySize() - 5); // its elements, not its size nor its end
    for (byte[] name : sections.emptyNames()) {
      out.writeByte(BSON_ARRAY).writeBytes(name).writeByte(0).writeBytes(EMPTY_ARRAY);
    }
    out.writeByte(0);
    for (int[] sequence : sections.kept()) {
      out.writeBytes(frame, sequence[0], sequence[1]);
    }
    out.setIntLE(0, out.readableBytes());
    return out;
  }
}
