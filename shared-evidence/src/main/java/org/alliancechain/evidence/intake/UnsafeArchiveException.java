package org.alliancechain.evidence.intake;

import java.util.Objects;
import java.util.Optional;

/**
 * A ZIP archive that {@link SafeZip} refuses to expand. The message is written for the person who
 * uploaded the archive (it names the offending entry where there is one); {@link #reason()} is for
 * code that maps refusals to responses.
 */
public final class UnsafeArchiveException extends Exception {

    /** Why an archive was refused. */
    public enum Reason {
        /** The bytes are not a ZIP archive at all. */
        NOT_AN_ARCHIVE,
        /** The archive's structure is broken or inconsistent (truncated, overlapping entries, bad checksum, ...). */
        DAMAGED,
        /** A ZIP feature this service does not read (split archives, compression methods other than stored and deflate). */
        UNSUPPORTED,
        /** The archive holds no files. */
        EMPTY,
        /** The archive itself (before expansion) is larger than the caller allows. */
        ARCHIVE_TOO_LARGE,
        /** More entries than {@link SafeZip.Limits#maxEntries()}. */
        TOO_MANY_ENTRIES,
        /** One entry expands beyond {@link SafeZip.Limits#maxEntryBytes()}. */
        ENTRY_TOO_LARGE,
        /** All entries together expand beyond {@link SafeZip.Limits#maxTotalBytes()}. */
        TOTAL_TOO_LARGE,
        /** An entry is compressed more than {@link SafeZip.Limits#maxRatio()} times (a zip bomb). */
        COMPRESSION_RATIO,
        /** An entry name with a {@code ..} segment. */
        PATH_TRAVERSAL,
        /** An entry name that is an absolute path ({@code /x}, {@code C:\x}, {@code \\server\x}). */
        ABSOLUTE_PATH,
        /** An entry name with NUL or other control characters, or an empty name. */
        BAD_NAME,
        /** A symbolic link or other special file (device, FIFO, socket). */
        LINK,
        /** Two entries with the same name after normalisation, or a name used both as file and folder. */
        DUPLICATE_NAME,
        /** A password-protected (encrypted) entry. */
        ENCRYPTED,
        /** An archive inside the archive, refused by {@link SafeZip.NestedArchives#REFUSE}. */
        NESTED_ARCHIVE
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final String entryName;

    UnsafeArchiveException(Reason reason, String entryName, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.entryName = entryName;
    }

    UnsafeArchiveException(Reason reason, String message) {
        this(reason, null, message);
    }

    /** Why the archive was refused. */
    public Reason reason() {
        return reason;
    }

    /** The offending entry's name as stored in the archive (decoded, not normalised), if one entry is to blame. */
    public Optional<String> entryName() {
        return Optional.ofNullable(entryName);
    }
}
