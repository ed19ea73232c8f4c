-- Segments that refer to other segments also depend on Segment Entered and Segment Exited events
UPDATE "Segment"
   SET "dependsOnEvents" = ARRAY(SELECT DISTINCT name FROM unnest("dependsOnEvents" || ARRAY['Segment Entered', 'Segment Exited']::text[]) AS name ORDER BY name)
 WHERE cardinality("references") > 0;

INSERT INTO "SegmentEventInterest" ("workspaceId", "eventName")
SELECT DISTINCT s."workspaceId", d.name FROM "Segment" s, unnest(s."dependsOnEvents") AS d(name)
 WHERE s.kind = 'LIVE'
ON CONFLICT DO NOTHING;
