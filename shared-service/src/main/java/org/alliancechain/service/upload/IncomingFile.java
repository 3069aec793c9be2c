package org.alliancechain.service.upload;

/**
 * A file as it arrived: the form part it came in, the name the uploader gave it (only shown, never
 * trusted) and its bytes.
 */
public record IncomingFile(String field, String name, byte[] content) {

    /** A file that did not come from a form part (its problems name the field "file"). */
    public IncomingFile(String name, byte[] content) {
        this("file", name, content);
    }
}
