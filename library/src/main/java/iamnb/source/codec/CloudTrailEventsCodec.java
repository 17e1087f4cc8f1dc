package iamnb.source.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.model.AccountSnapshot;
import iamnb.model.CloudTrailEvent;
import iamnb.source.SnapshotFiles;
import iamnb.source.internal.JsonAt;

/**
 * {@code cloudtrail-events.json}: {@code aws cloudtrail lookup-events}. Time, caller ARN, error and request
 * parameters are read from each event's {@code CloudTrailEvent} record, which is kept (sanitised) as written.
 */
final class CloudTrailEventsCodec extends FileCodec {
    private static final String EVENTS = "Events", EVENT_ID = "EventId", EVENT_NAME = "EventName",
            EVENT_TIME = "EventTime", EVENT_SOURCE = "EventSource", USERNAME = "Username",
            RECORD = "CloudTrailEvent";

    CloudTrailEventsCodec() {
        super(SnapshotFiles.CLOUDTRAIL_EVENTS);
    }

    @Override
    public void read(SnapshotFolder folder, SnapshotParts parts) {
        folder.json(SnapshotFiles.CLOUDTRAIL_EVENTS).ifPresent(f ->
                parts.cloudTrailEvents = f.list(EVENTS).stream().map(CloudTrailEventsCodec::event).toList());
    }

    private static CloudTrailEvent event(JsonAt e) {
        return CloudTrailEvent.fromRecord(e.optText(EVENT_ID), e.optText(USERNAME), e.text(RECORD),
                e.where() + "." + RECORD);
    }

    @Override
    public void write(AccountSnapshot s, FolderOut out) {
        if (s.cloudTrailEvents().isEmpty()) {
            return;
        }
        ObjectNode o = Json.object();
        ArrayNode list = o.putArray(EVENTS);
        for (CloudTrailEvent e : s.cloudTrailEvents()) {
            ObjectNode n = list.addObject().put(EVENT_ID, e.eventId()).put(EVENT_NAME, e.eventName());
            Json.putTime(n, EVENT_TIME, e.eventTime());
            n.put(EVENT_SOURCE, e.eventSource()).put(USERNAME, e.username()).put(RECORD, e.rawJson());
        }
        out.json(SnapshotFiles.CLOUDTRAIL_EVENTS, o);
    }
}
