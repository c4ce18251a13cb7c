package dev.picket.ingest;

import dev.picket.protocol.IngestLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Ingestion limits ({@code picket.ingest.*}, or {@code PICKET_INGEST_*}). Unset sizes take the
 * defaults of {@link IngestLimits#defaults()}.
 *
 * @param maxCompressedBody        largest request body as sent
 * @param maxBody                  largest request body once decompressed
 * @param maxEventSize             largest event, transaction or other JSON item
 * @param maxAttachmentSize        largest attachment
 * @param maxItems                 most items in one envelope
 * @param maxJsonDepth             deepest JSON nesting accepted
 * @param bodyMemory               the most heap the bodies of requests in flight hold together;
 *                                 unset, a third of the maximum heap
 * @param projectRateLimit         safety limit of envelopes per project per window; 0 turns it off
 * @param projectRateLimitWindowSeconds the window of {@code projectRateLimit}
 */
@ConfigurationProperties("picket.ingest")
public record IngestProperties(
        DataSize maxCompressedBody,
        DataSize maxBody,
        DataSize maxEventSize,
        DataSize maxAttachmentSize,
        Integer maxItems,
        Integer maxJsonDepth,
        DataSize bodyMemory,
        @DefaultValue("1200000") int projectRateLimit,
        @DefaultValue("60") int projectRateLimitWindowSeconds) {

    /** Bytes of {@link #bodyMemory}, or a third of the heap the JVM may grow to. */
    public long bodyMemoryBytes() {
        return bodyMemory == null ? Runtime.getRuntime().maxMemory() / 3 : bodyMemory.toBytes();
    }

    public IngestLimits limits() {
        IngestLimits d = IngestLimits.defaults();
        return new IngestLimits(
                maxCompressedBody == null ? d.maxCompressedBody() : maxCompressedBody.toBytes(),
                maxBody == null ? d.maxBody() : maxBody.toBytes(),
                maxEventSize == null ? d.maxEventSize() : Math.toIntExact(maxEventSize.toBytes()),
                maxAttachmentSize == null ? d.maxAttachmentSize() : maxAttachmentSize.toBytes(),
                maxItems == null ? d.maxItems() : maxItems,
                maxJsonDepth == null ? d.maxJsonDepth() : maxJsonDepth);
    }
}
