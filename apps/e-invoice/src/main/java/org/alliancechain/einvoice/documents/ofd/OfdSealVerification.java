package org.alliancechain.einvoice.documents.ofd;

import static org.alliancechain.einvoice.documents.ofd.OfdSealReport.Check.failed;
import static org.alliancechain.einvoice.documents.ofd.OfdSealReport.Check.passed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.alliancechain.einvoice.documents.ofd.OfdSealReport.Check;
import org.alliancechain.einvoice.documents.ofd.OfdSealReport.CheckName;
import org.alliancechain.einvoice.documents.ofd.OfdSealReport.SignatureReport;
import org.alliancechain.evidence.HashAlgorithm;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Certificate;
import org.w3c.dom.Element;

/**
 * Verifies the GB/T 38540 seals of an OFD with our own parser on BC 1.83 (ofdrw's OFDValidator needs ofdrw-gm and
 * BC 1.68, ADR 0016). Reads Signatures.xml, each Signature.xml and SignedValue.dat, checks every referenced file's
 * SM3, the signed-data hash, the SM2 signature, the seal maker's signature, the seal holder and validity.
 * Trust in the seal maker's certificate (the tax bureau's CA) is not decided here.
 */
public final class OfdSealVerification {

    private static final String SM3_OID = "1.2.156.10197.1.401";

    private OfdSealVerification() {
    }

    public static OfdSealReport verify(byte[] ofd) {
        Map<String, byte[]> files;
        List<String[]> signatures;
        try {
            files = OfdPackage.read(ofd);
            signatures = signatureLocations(files);
        } catch (RuntimeException e) {
            return new OfdSealReport(List.of(), "unreadable OFD package: " + e.getMessage());
        }
        if (signatures.isEmpty()) {
            return new OfdSealReport(List.of(), "the OFD carries no signatures (no Signatures.xml in OFD.xml)");
        }
        var reports = new ArrayList<SignatureReport>();
        for (var s : signatures) {
            reports.add(verifyOne(files, s[0], s[1]));
        }
        return new OfdSealReport(List.copyOf(reports), null);
    }

    /** Pairs of (signature ID, Signature.xml path) from every DocBody's Signatures.xml. */
    private static List<String[]> signatureLocations(Map<String, byte[]> files) {
        var result = new ArrayList<String[]>();
        var ofd = OfdPackage.xml(files, "OFD.xml");
        for (var signaturesLoc : OfdPackage.children(ofd, "DocBody").stream()
                .flatMap(body -> OfdPackage.children(body, "Signatures").stream()).map(Element::getTextContent).toList()) {
            String signaturesPath = OfdPackage.resolve("OFD.xml", signaturesLoc);
            var list = OfdPackage.xml(files, signaturesPath);
            for (var signature : OfdPackage.children(list, "Signature")) {
                result.add(new String[] {signature.getAttribute("ID"),
                        OfdPackage.resolve(signaturesPath, signature.getAttribute("BaseLoc"))});
            }
        }
        return result;
    }

    private static SignatureReport verifyOne(Map<String, byte[]> files, String id, String location) {
        var checks = new ArrayList<Check>();
        byte[] signatureXml = files.get(location);
        SesV4.Parsed parsed;
        Element signature;
        try {
            if (signatureXml == null) {
                throw new IllegalArgumentException(location + " is missing");
            }
            signature = OfdPackage.xml(files, location);
            var signedInfo = OfdPackage.child(signature, "SignedInfo");
            String valuePath = OfdPackage.resolve(location, OfdPackage.child(signature, "SignedValue").getTextContent());
            byte[] value = files.get(valuePath);
            if (value == null) {
                throw new IllegalArgumentException(valuePath + " is missing");
            }
            int offset = start(value);
            parsed = SesV4.parse(value, offset);
            checks.add(passed(CheckName.STRUCTURE, offset == 0 ? "SES_Signature v4"
                    : "SES_Signature v4 after " + offset + " extra header bytes (skipped)"));
            checks.add(references(files, location, OfdPackage.child(signedInfo, "References")));
        } catch (RuntimeException e) {
            checks.add(failed(CheckName.STRUCTURE, String.valueOf(e.getMessage())));
            return new SignatureReport(id, location, null, null, null, null, List.copyOf(checks));
        }
        byte[] actual = HashAlgorithm.SM3.digest(signatureXml);
        checks.add(Arrays.equals(actual, parsed.dataHash()) ? passed(CheckName.SIGNED_DATA_HASH, "SM3 of Signature.xml")
                : failed(CheckName.SIGNED_DATA_HASH, "Signature.xml was changed after signing (SM3 differs from TBS_Sign.dataHash)"));
        checks.add(signatureValue(parsed));
        checks.add(sealSignature(parsed.seal()));
        checks.add(holder(parsed));
        var seal = parsed.seal();
        boolean inTime = !parsed.signingTime().isBefore(seal.validStart()) && !parsed.signingTime().isAfter(seal.validEnd());
        checks.add(inTime ? passed(CheckName.SEAL_VALID_AT_SIGNING, seal.validStart() + " .. " + seal.validEnd())
                : failed(CheckName.SEAL_VALID_AT_SIGNING, "signed " + parsed.signingTime() + ", seal valid " + seal.validStart() + " .. " + seal.validEnd()));
        return new SignatureReport(id, location, seal.name(), seal.esId(), subject(parsed.signerCert()),
                parsed.signingTime(), List.copyOf(checks));
    }

    /** Where SES_Signature starts: 0, or after a producer's extra header bytes (swpudp/OfdSharp#6). */
    static int start(byte[] value) {
        for (int i = 0; i < Math.min(value.length, 4096); i++) {
            if (value[i] != 0x30) {
                continue;
            }
            try {
                var element = SesV4.Der.at(value, i);
                if (element.end() <= value.length && element.end() - i > 64) {
                    SesV4.parse(value, i);
                    return i;
                }
            } catch (RuntimeException notHere) {
                // keep scanning
            }
        }
        throw new IllegalArgumentException("no SES_Signature v4 in SignedValue (GB/T 38540 v1 and other formats are not read)");
    }

    private static Check references(Map<String, byte[]> files, String location, Element references) {
        String method = references.getAttribute("CheckMethod");
        HashAlgorithm algorithm = method.isEmpty() || method.equals(SM3_OID) || method.equalsIgnoreCase("SM3") ? HashAlgorithm.SM3
                : method.equals("2.16.840.1.101.3.4.2.1") || method.equalsIgnoreCase("SHA256") ? HashAlgorithm.SHA256 : null;
        if (algorithm == null) {
            return failed(CheckName.REFERENCED_FILES, "unsupported CheckMethod " + method);
        }
        var problems = new ArrayList<String>();
        var list = OfdPackage.children(references, "Reference");
        for (var reference : list) {
            String path = OfdPackage.resolve(location, reference.getAttribute("FileRef"));
            byte[] file = files.get(path);
            byte[] expected = Base64.getMimeDecoder().decode(OfdPackage.child(reference, "CheckValue").getTextContent().trim());
            if (file == null) {
                problems.add(path + " is missing");
            } else if (!Arrays.equals(algorithm.digest(file), expected)) {
                problems.add(path + " was changed (" + algorithm.id() + " differs)");
            }
        }
        if (list.isEmpty()) {
            return failed(CheckName.REFERENCED_FILES, "Signature.xml references no files");
        }
        return problems.isEmpty() ? passed(CheckName.REFERENCED_FILES, list.size() + " files, " + algorithm.id())
                : failed(CheckName.REFERENCED_FILES, String.join("; ", problems));
    }

    private static Check signatureValue(SesV4.Parsed parsed) {
        if (!SesV4.SM3_WITH_SM2.getId().equals(parsed.signatureAlgorithm())) {
            return failed(CheckName.SIGNATURE_VALUE, "unsupported signature algorithm " + parsed.signatureAlgorithm());
        }
        try {
            return Sm2.verify(parsed.signerCert(), parsed.toBeSigned(), parsed.signature())
                    .map(v -> passed(CheckName.SIGNATURE_VALUE, describe(v)))
                    .orElseGet(() -> failed(CheckName.SIGNATURE_VALUE, "the SM2 signature over TBS_Sign does not verify with the signer certificate"));
        } catch (RuntimeException e) {
            return failed(CheckName.SIGNATURE_VALUE, e.getMessage());
        }
    }

    /** The maker signs SES_SealInfo (ofdrw, fixtures); the standard's wording also allows {info, cert, algorithm}. */
    private static Check sealSignature(SesV4.Seal seal) {
        try {
            var onInfo = Sm2.verify(seal.makerCert(), seal.sealInfo(), seal.signature());
            if (onInfo.isPresent()) {
                return passed(CheckName.SEAL_SIGNATURE, "over SES_SealInfo, " + describe(onInfo.get()) + "; maker " + subject(seal.makerCert()));
            }
            byte[] triple = SesV4.der(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {ASN1Primitive.fromByteArray(seal.sealInfo()),
                    new DEROctetString(seal.makerCert()), new ASN1ObjectIdentifier(seal.signatureAlgorithm())}));
            return Sm2.verify(seal.makerCert(), triple, seal.signature())
                    .map(v -> passed(CheckName.SEAL_SIGNATURE, "over {SealInfo, cert, algorithm}, " + describe(v)))
                    .orElseGet(() -> failed(CheckName.SEAL_SIGNATURE, "the seal maker's signature does not verify"));
        } catch (Exception e) {
            return failed(CheckName.SEAL_SIGNATURE, String.valueOf(e.getMessage()));
        }
    }

    private static Check holder(SesV4.Parsed parsed) {
        var seal = parsed.seal();
        if (seal.certListType() == SesV4.CERT_LIST_CERTIFICATES) {
            return seal.certList().stream().anyMatch(c -> Arrays.equals(c, parsed.signerCert()))
                    ? passed(CheckName.SIGNER_HOLDS_SEAL, "signer certificate is in the seal's certList")
                    : failed(CheckName.SIGNER_HOLDS_SEAL, "the signer certificate is not one the seal names");
        }
        byte[] sm3 = HashAlgorithm.SM3.digest(parsed.signerCert());
        // type 2: CertDigestObj {type, value}; the value is the last 32 bytes of its DER for SM3
        return seal.certList().stream().anyMatch(d -> d.length >= 32 && Arrays.equals(Arrays.copyOfRange(d, d.length - 32, d.length), sm3))
                ? passed(CheckName.SIGNER_HOLDS_SEAL, "signer certificate's SM3 is in the seal's certList")
                : failed(CheckName.SIGNER_HOLDS_SEAL, "no SM3 digest in the seal's certList matches the signer certificate");
    }

    private static String describe(Sm2.Variant v) {
        return v.standard() ? "SM3withSM2, user id 1234567812345678"
                : "SM3withSM2 accepted with a producer variant: value " + v.encoding() + ", user id '" + v.userId() + "'";
    }

    static String subject(byte[] certificate) {
        try {
            return Certificate.getInstance(certificate).getSubject().toString();
        } catch (RuntimeException e) {
            return "(unreadable certificate)";
        }
    }
}
