package io.github.geodispatch.journal.internal;

import io.github.geodispatch.journal.JournalRecord;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.TechnicianId;
import java.time.OffsetDateTime;

import static io.github.geodispatch.journal.internal.PlainPingReader.ascii;
import static io.github.geodispatch.journal.internal.PlainPingReader.startsWith;
import static io.github.geodispatch.journal.internal.PlainPingReader.stringEnd;
import static io.github.geodispatch.journal.internal.PlainPingReader.widen;

/**
 * Reads the two most frequent job lines of exactly the shape {@link io.github.geodispatch.journal.JournalWriter}
 * writes them, straight from their bytes, as {@link PlainPingReader} reads pings:
 * {@code {"type":"job.status","job":S,"at":S,"status":S}} (no reason, no evidence) and
 * {@code {"type":"job.assigned","job":S,"at":S,"technician":S}}, with no white space and strings of printable ASCII
 * with no escape. Half the lines of a journal without pings are status changes. Anything else, a status that is not
 * a constant, a job or technician not seen on an earlier line, or a time not of the common shape is not read here
 * ({@code null}): the line then goes to the general parser, which reads it to the same record or names what is
 * wrong. Not thread-safe: it shares the reading thread's id caches and times.
 */
final class PlainJobReader {
    private static final byte[] STATUS = ascii("{\"type\":\"job.status\",\"job\":\"");
    private static final byte[] ASSIGNED = ascii("{\"type\":\"job.assigned\",\"job\":\"");
    private static final byte[] AT = ascii(",\"at\":\"");
    private static final byte[] STATUS_FIELD = ascii(",\"status\":\"");
    private static final byte[] TECHNICIAN_FIELD = ascii(",\"technician\":\"");
    private static final JobStatus[] STATUSES = JobStatus.values();

    private final CharKeyCache<JobId> jobs;
    private final CharKeyCache<TechnicianId> technicians;
    private final JournalTimes times;
    /** The line's bytes as characters, for the id caches and the time decoder. */
    private char[] chars = new char[256];

    PlainJobReader(CharKeyCache<JobId> jobs, CharKeyCache<TechnicianId> technicians, JournalTimes times) {
        this.jobs = jobs;
        this.technicians = technicians;
        this.times = times;
    }

    /** The status change or assignment on bytes {@code [from, to)}, when the line has a shape above; else null. */
    JournalRecord.JobRecord read(byte[] bytes, int from, int to) {
        boolean status = startsWith(bytes, from, to, STATUS);
        if (!status && !startsWith(bytes, from, to, ASSIGNED)) {
            return null;
        }
        int length = to - from;
        chars = widen(bytes, from, to, chars);
        int jobStart = (status ? STATUS : ASSIGNED).length;
        int jobEnd = stringEnd(chars, jobStart, length);
        if (jobEnd < 0 || !startsWith(bytes, from + jobEnd + 1, to, AT)) {
            return null;
        }
        JobId job = jobs.get(chars, jobStart, jobEnd - jobStart);
        int atStart = jobEnd + 1 + AT.length;
        int atEnd = stringEnd(chars, atStart, length);
        byte[] last = status ? STATUS_FIELD : TECHNICIAN_FIELD;
        if (job == null || atEnd < 0 || !startsWith(bytes, from + atEnd + 1, to, last)) {
            return null;
        }
        OffsetDateTime at = times.parseCommon(chars, atStart, atEnd - atStart);
        int valueStart = atEnd + 1 + last.length;
        int valueEnd = stringEnd(chars, valueStart, length);
        if (at == null || valueEnd < 0 || valueEnd != length - 2 || chars[length - 1] != '}') {
            return null;
        }
        if (status) {
            JobStatus constant = status(valueStart, valueEnd - valueStart);
            return constant == null ? null : new JournalRecord.JobStatusChanged(job, at, constant, null, null);
        }
        TechnicianId technician = technicians.get(chars, valueStart, valueEnd - valueStart);
        return technician == null ? null : new JournalRecord.JobAssigned(job, at, technician);
    }

    /** The status constant named by {@code chars[start, start + length)}, or null (the general parser words it). */
    private JobStatus status(int start, int length) {
        for (JobStatus candidate : STATUSES) {
            String name = candidate.name();
            if (name.length() == length && CharKeyCache.same(name, chars, start)) {
                return candidate;
            }
        }
        return null;
    }
}
