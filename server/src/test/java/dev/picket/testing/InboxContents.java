package dev.picket.testing;

import com.github.luben.zstd.Zstd;
import dev.picket.protocol.envelope.Envelope;
import dev.picket.protocol.envelope.EnvelopeReader;
import dev.picket.protocol.json.JsonPayloads;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads back what ingestion put in the inbox table. */
public final class InboxContents {

    private final JdbcClient jdbc;
    private final EnvelopeReader reader = new EnvelopeReader(new JsonPayloads(128).factory(), 1000);

    public InboxContents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Envelope> envelope(long projectId, String eventId) {
        return jdbc.sql("select payload from inbox where project_id = ? and event_id = ?")
                .params(projectId, eventId).query(byte[].class).optional().map(this::parse);
    }

    public List<Envelope> envelopes(long projectId) {
        return jdbc.sql("select payload from inbox where project_id = ? order by id")
                .param(projectId).query(byte[].class).list().stream().map(this::parse).toList();
    }

    private Envelope parse(byte[] compressed) {
        try {
            return reader.read(Zstd.decompress(compressed, (int) Zstd.getFrameContentSize(compressed)));
        } catch (Exception e) {
            throw new AssertionError("inbox payload is not a readable envelope", e);
        }
    }
}
