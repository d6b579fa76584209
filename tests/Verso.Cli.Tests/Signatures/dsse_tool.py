"""Verifies and makes DSSE envelopes without Verso: the PAE from the DSSE spec, the signatures by securesystemslib.

    dsse_tool.py verify ENVELOPE PUBLIC_PEM      exit 0 when a signature verifies, 1 when none does
    dsse_tool.py sign PAYLOAD TYPE PRIVATE_PEM   prints an envelope over the payload file's bytes
"""
import base64
import binascii
import hashlib
import json
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from securesystemslib import keys


def pae(payload_type: bytes, payload: bytes) -> bytes:
    # protocol.md: "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body
    return b"DSSEv1 %d %s %d %s" % (len(payload_type), payload_type, len(payload), payload)


def key_dict(pem: bytes, private: bool):
    if private:
        key = serialization.load_pem_private_key(pem, password=None)
        public = key.public_key()
    else:
        key, public = None, serialization.load_pem_public_key(pem)
    spki = public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    keyid = hashlib.sha256(spki).hexdigest()
    if isinstance(public, ed25519.Ed25519PublicKey):
        raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        keyval = {"public": raw.hex()}
        if key is not None:
            keyval["private"] = key.private_bytes(
                serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()).hex()
        return {"keytype": "ed25519", "scheme": "ed25519", "keyid": keyid, "keyval": keyval}
    if isinstance(public, ec.EllipticCurvePublicKey):
        keyval = {"public": public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()}
        if key is not None:
            keyval["private"] = pem.decode()
        return {"keytype": "ecdsa", "scheme": "ecdsa-sha2-nistp256", "keyid": keyid, "keyval": keyval}
    raise SystemExit("unsupported key")


def b64decode(text: str) -> bytes:
    text = text.replace("-", "+").replace("_", "/")
    return base64.b64decode(text + "=" * (-len(text) % 4))


def verify(envelope_path: str, public_path: str) -> int:
    with open(envelope_path, "rb") as f:
        envelope = json.load(f)
    with open(public_path, "rb") as f:
        key = key_dict(f.read(), private=False)
    data = pae(envelope["payloadType"].encode(), b64decode(envelope["payload"]))
    for signature in envelope["signatures"]:
        sig = {"keyid": key["keyid"], "sig": binascii.hexlify(b64decode(signature["sig"])).decode()}
        try:
            verified = keys.verify_signature(key, sig, data)
        except Exception:  # a signature of another algorithm's shape is simply not this key's
            verified = False
        if verified:
            print("verified", key["keyid"])
            return 0
    print("no signature verifies under", key["keyid"])
    return 1


def sign(payload_path: str, payload_type: str, private_path: str) -> int:
    with open(payload_path, "rb") as f:
        payload = f.read()
    with open(private_path, "rb") as f:
        key = key_dict(f.read(), private=True)
    signature = keys.create_signature(key, pae(payload_type.encode(), payload))
    envelope = {
        "payload": base64.b64encode(payload).decode(),
        "payloadType": payload_type,
        "signatures": [{"keyid": key["keyid"], "sig": base64.b64encode(bytes.fromhex(signature["sig"])).decode()}],
    }
    print(json.dumps(envelope))
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "verify":
        sys.exit(verify(sys.argv[2], sys.argv[3]))
    sys.exit(sign(sys.argv[2], sys.argv[3], sys.argv[4]))
