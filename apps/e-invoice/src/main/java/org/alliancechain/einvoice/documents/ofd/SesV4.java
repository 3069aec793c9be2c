package org.alliancechain.einvoice.documents.ofd;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;

/**
 * GB/T 38540-2020 version 4 structures (SES_Seal, TBS_Sign, SES_Signature), written and read with the suite's
 * BouncyCastle 1.83. ofdrw-gm has the same classes but is compiled against BC 1.68 and breaks under 1.83 (ADR 0016).
 * Only the generic ASN.1 API is used here, so nothing depends on BC's typed {@code getInstance} variants that changed.
 */
final class SesV4 {

    /** SM2 signature with SM3 (GB/T 33560), the only signature algorithm the 数电 seals use. */
    static final ASN1ObjectIdentifier SM3_WITH_SM2 = GMObjectIdentifiers.sm2sign_with_sm3;
    static final int VERSION = 4;
    /** SES_ESPropertyInfo.certListType: 1 = the users' certificates themselves, 2 = their digests. */
    static final int CERT_LIST_CERTIFICATES = 1;

    private SesV4() {
    }

    /** SES_SealInfo: header, esID, property, picture (no extension data). */
    static DERSequence sealInfo(String vendorId, String esId, int type, String name, List<byte[]> userCerts,
                                Instant created, Instant validStart, Instant validEnd, String pictureType, byte[] picture,
                                int widthMm, int heightMm) {
        var header = seq(new DERIA5String("ES"), new ASN1Integer(VERSION), new DERIA5String(vendorId));
        var certs = new ASN1EncodableVector();
        userCerts.forEach(c -> certs.add(new DEROctetString(c)));
        var property = seq(new ASN1Integer(type), new DERUTF8String(name), new ASN1Integer(CERT_LIST_CERTIFICATES),
                new DERSequence(certs), time(created), time(validStart), time(validEnd));
        var pictureInfo = seq(new DERIA5String(pictureType), new DEROctetString(picture), new ASN1Integer(widthMm),
                new ASN1Integer(heightMm));
        return seq(header, new DERIA5String(esId), property, pictureInfo);
    }

    /** SESeal: seal info, the maker's certificate, the algorithm and the maker's signature. */
    static DERSequence seal(ASN1Encodable sealInfo, byte[] makerCert, byte[] signature) {
        return seq(sealInfo, new DEROctetString(makerCert), SM3_WITH_SM2, new DERBitString(signature));
    }

    /**
     * What the seal maker signs. GB/T 38540 §7 names seal info, maker certificate and algorithm; ofdrw and the
     * real fixtures sign the DER of SES_SealInfo alone, so that is what we sign and check first (see verification).
     */
    static byte[] sealToBeSigned(ASN1Encodable sealInfo) {
        return der(sealInfo);
    }

    /** TBS_Sign: what the signer signs; dataHash is the SM3 of Signature.xml. */
    static DERSequence toBeSigned(ASN1Encodable seal, Instant time, byte[] dataHash, String propertyInfo) {
        return seq(new ASN1Integer(VERSION), seal, time(time), new DERBitString(dataHash), new DERIA5String(propertyInfo));
    }

    /** SES_Signature, without the optional time stamp (that belongs to a seal server, ofdrw/ofdrw#394). */
    static DERSequence signature(ASN1Encodable toBeSigned, byte[] signerCert, byte[] signature) {
        return seq(toBeSigned, new DEROctetString(signerCert), SM3_WITH_SM2, new DERBitString(signature));
    }

    static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed", e);
        }
    }

    /** A parsed SES_Signature v4 with the exact bytes each signature covers. */
    record Parsed(byte[] toBeSigned, Seal seal, Instant signingTime, byte[] dataHash, String propertyInfo,
                  byte[] signerCert, String signatureAlgorithm, byte[] signature) {
    }

    /** The parts of a parsed SESeal that verification reports or checks. */
    record Seal(String esId, String vendorId, int type, String name, int certListType, List<byte[]> certList,
                Instant validStart, Instant validEnd, byte[] sealInfo, byte[] makerCert, String signatureAlgorithm,
                byte[] signature) {
    }

    /**
     * Parses SES_Signature v4 from {@code value[offset..]}. The signed parts are sliced from the input, not
     * re-encoded, so a producer's non-canonical (but valid) encoding still verifies.
     */
    static Parsed parse(byte[] value, int offset) {
        var outer = Der.at(value, offset);
        var tbs = Der.at(value, outer.contentStart());
        var tbsSeq = ASN1Sequence.getInstance(tbs.read(value));
        int version = ASN1Integer.getInstance(tbsSeq.getObjectAt(0)).intValueExact();
        if (version != VERSION) {
            throw new IllegalArgumentException("SES_Signature version " + version + " (only version 4 is read)");
        }
        var all = ASN1Sequence.getInstance(outer.read(value));
        var sealElement = Der.at(value, Der.at(value, tbs.contentStart()).end());
        return new Parsed(tbs.bytes(value), parseSeal(value, sealElement),
                time(tbsSeq.getObjectAt(2)), ASN1BitString.getInstance(tbsSeq.getObjectAt(3)).getBytes(),
                string(tbsSeq.getObjectAt(4)), ASN1OctetString.getInstance(all.getObjectAt(1)).getOctets(),
                ASN1ObjectIdentifier.getInstance(all.getObjectAt(2)).getId(),
                ASN1BitString.getInstance(all.getObjectAt(3)).getBytes());
    }

    /** Parses a SESeal v4 on its own (the DER a seal-making system issues, kept in the key custody). */
    static Seal parseSeal(byte[] value) {
        return parseSeal(value, Der.at(value, 0));
    }

    private static Seal parseSeal(byte[] value, Der sealElement) {
        var seal = ASN1Sequence.getInstance(sealElement.read(value));
        var info = ASN1Sequence.getInstance(seal.getObjectAt(0));
        var header = ASN1Sequence.getInstance(info.getObjectAt(0));
        var property = ASN1Sequence.getInstance(info.getObjectAt(2));
        int certListType = ASN1Integer.getInstance(property.getObjectAt(2)).intValueExact();
        var certs = new ArrayList<byte[]>();
        for (var c : ASN1Sequence.getInstance(property.getObjectAt(3))) {
            // type 1: OCTET STRING certificates; type 2: SEQUENCE {type, value} digests (kept as their DER)
            certs.add(c instanceof ASN1OctetString os ? os.getOctets() : der(c));
        }
        var infoElement = Der.at(value, sealElement.contentStart());
        return new Seal(string(info.getObjectAt(1)), string(header.getObjectAt(2)),
                ASN1Integer.getInstance(property.getObjectAt(0)).intValueExact(), string(property.getObjectAt(1)),
                certListType, certs, time(property.getObjectAt(5)), time(property.getObjectAt(6)),
                infoElement.bytes(value), ASN1OctetString.getInstance(seal.getObjectAt(1)).getOctets(),
                ASN1ObjectIdentifier.getInstance(seal.getObjectAt(2)).getId(),
                ASN1BitString.getInstance(seal.getObjectAt(3)).getBytes());
    }

    private static DERSequence seq(ASN1Encodable... items) {
        return new DERSequence(items);
    }

    private static ASN1GeneralizedTime time(Instant instant) {
        return new ASN1GeneralizedTime(Date.from(instant));
    }

    private static Instant time(ASN1Encodable value) {
        try {
            // v4 uses GeneralizedTime; some producers write UTCTime, which BC reads through the same call
            var primitive = value.toASN1Primitive();
            if (primitive instanceof org.bouncycastle.asn1.ASN1UTCTime utc) {
                return utc.getAdjustedDate().toInstant();
            }
            return ASN1GeneralizedTime.getInstance(primitive).getDate().toInstant();
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("unreadable time " + value, e);
        }
    }

    private static String string(ASN1Encodable value) {
        var p = value.toASN1Primitive();
        return p instanceof ASN1String s ? s.getString() : ASN1IA5String.getInstance(p).getString();
    }

    /** One DER element's position: enough to slice signed bytes exactly as the producer wrote them. */
    record Der(int start, int contentStart, int end) {

        static Der at(byte[] b, int start) {
            if (start + 2 > b.length) {
                throw new IllegalArgumentException("truncated ASN.1 at " + start);
            }
            int i = start + 1;
            int first = b[i++] & 0xff;
            long length;
            if (first < 0x80) {
                length = first;
            } else {
                int n = first & 0x7f;
                if (n == 0 || n > 4 || i + n > b.length) {
                    throw new IllegalArgumentException("unsupported ASN.1 length at " + start);
                }
                length = 0;
                for (int k = 0; k < n; k++) {
                    length = (length << 8) | (b[i++] & 0xff);
                }
            }
            if (i + length > b.length) {
                throw new IllegalArgumentException("ASN.1 element at " + start + " runs past the end");
            }
            return new Der(start, i, (int) (i + length));
        }

        byte[] bytes(byte[] b) {
            return java.util.Arrays.copyOfRange(b, start, end);
        }

        ASN1Primitive read(byte[] b) {
            try {
                return ASN1Primitive.fromByteArray(bytes(b));
            } catch (IOException e) {
                throw new IllegalArgumentException("unreadable ASN.1 at " + start, e);
            }
        }
    }
}
