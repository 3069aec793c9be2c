/**
 * The on-disk snapshot of the work index: little-endian primitive arrays behind a CRC-32C, read back with every
 * length checked against the file before anything is allocated.
 */
package org.alliancechain.copyright.fingerprint.snapshot;
