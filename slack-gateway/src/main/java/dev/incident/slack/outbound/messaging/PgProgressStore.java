package dev.incident.slack.outbound.messaging;

import java.time.Duration;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.incident.slack.outbound.domain.IncidentProgress;
import dev.incident.slack.outbound.domain.ProgressStore;

/**
 * Keeps each incident's Slack progress in PostgreSQL (database slack_gateway, table
 * slack_outbound_progress). Called from incident workers, never from an event loop, so it waits for
 * each statement.
 */
final class PgProgressStore implements ProgressStore {

    static final String SCHEMA =
            "CREATE TABLE IF NOT EXISTS slack_outbound_progress ("
                    + " incident_id text PRIMARY KEY,"
                    + " last_sequence bigint NOT NULL,"
                    + " channel_id text,"
                    + " channel_name text,"
                    + " card_ts text,"
                    + " announcement_ts text,"
                    + " updated_at timestamptz NOT NULL DEFAULT now())";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Pool pool;

    PgProgressStore(Pool pool) {
        this.pool = pool;
    }

    void createSchema() {
        pool.query(SCHEMA).execute().await().atMost(TIMEOUT);
    }

    @Override
    public IncidentProgress load(String incidentId) {
        RowSet<Row> rows =
                pool.preparedQuery(
                                "SELECT last_sequence, channel_id, channel_name, card_ts,"
                                        + " announcement_ts FROM slack_outbound_progress"
                                        + " WHERE incident_id = $1")
                        .execute(Tuple.of(incidentId))
                        .await()
                        .atMost(TIMEOUT);
        if (rows.size() == 0) {
            return IncidentProgress.none(incidentId);
        }
        Row row = rows.iterator().next();
        return new IncidentProgress(
                incidentId,
                row.getLong("last_sequence"),
                row.getString("channel_id"),
                row.getString("channel_name"),
                row.getString("card_ts"),
                row.getString("announcement_ts"));
    }

    @Override
    public void save(IncidentProgress p) {
        pool.preparedQuery(
                        "INSERT INTO slack_outbound_progress (incident_id, last_sequence,"
                                + " channel_id, channel_name, card_ts, announcement_ts)"
                                + " VALUES ($1, $2, $3, $4, $5, $6)"
                                + " ON CONFLICT (incident_id) DO UPDATE SET"
                                + " last_sequence = EXCLUDED.last_sequence,"
                                + " channel_id = EXCLUDED.channel_id,"
                                + " channel_name = EXCLUDED.channel_name,"
                                + " card_ts = EXCLUDED.card_ts,"
                                + " announcement_ts = EXCLUDED.announcement_ts,"
                                + " updated_at = now()")
                .execute(
                        Tuple.from(
                                new Object[] {
                                    p.incidentId(),
                                    p.lastSequence(),
                                    p.channelId(),
                                    p.channelName(),
                                    p.cardTs(),
                                    p.announcementTs()
                                }))
                .await()
                .atMost(TIMEOUT);
    }
}
