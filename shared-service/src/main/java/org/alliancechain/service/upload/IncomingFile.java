package org.alliancechain.odr.evidence;

/** A file as it arrived: the name the uploader gave it (only shown, never trusted) and its bytes. */
public record IncomingFile(String name, byte[] content) {
}
