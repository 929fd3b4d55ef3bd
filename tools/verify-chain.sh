#!/usr/bin/env bash
# Verifies an export of a stream's history chain against a seal, with bash, jq and sha256sum only.
#
#   tools/verify-chain.sh EXPORT SEAL [KEYS]
#
# EXPORT: GET <prefix>/history-chain/streams/{stream}/export, one line per stored event:
#         <head after the event> TAB <canonical line of the event>
# SEAL:   a seal as JSON: a HistorySealed CloudEvent (its "data" is used) or one element of
#         GET <prefix>/history-chain/streams/{stream}/seals
#
# Recomputes leaf_n = sha256(canonical_n) and head_n = sha256(head_(n-1) "\n" leaf_n) from 64 zeros (README,
# "Tamper-evident history"), checks that the lines are the seal's stream in sequence 0, 1, 2, ... and that the
# recomputed head at the seal's sequence is the seal's head. The export's own heads are checked too, but only the
# seal is evidence. Exit 0: intact; 1: the first difference is printed; 2: usage or unreadable input.
# KEYS (optional): the service's JWK set, GET <prefix>/history-chain/seal-keys; then the seal's Ed25519 signature is
# checked first, with openssl 3, against the key its keyId names.
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ] || [ ! -r "$1" ] || [ ! -r "$2" ] || { [ $# -eq 3 ] && [ ! -r "$3" ]; }; then
  echo "usage: $0 EXPORT SEAL [KEYS]" >&2
  exit 2
fi
export_file=$1
seal_file=$2
keys_file=${3:-}

seal_stream=$(jq -er '(.data // .) | .stream' "$seal_file") || { echo "the seal has no stream" >&2; exit 2; }
seal_sequence=$(jq -er '(.data // .) | .sequence' "$seal_file") || { echo "the seal has no sequence" >&2; exit 2; }
seal_head=$(jq -er '(.data // .) | .head' "$seal_file") || { echo "the seal has no head" >&2; exit 2; }

sha256() { sha256sum | cut -c1-64; }
base64url_decode() { local s; s=$(tr -- '-_' '+/'); while [ $(( ${#s} % 4 )) -ne 0 ]; do s="$s="; done; base64 -d <<<"$s"; }

if [ -n "$keys_file" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  key_id=$(jq -er '(.data // .) | .keyId' "$seal_file") || { echo "the seal has no keyId" >&2; exit 2; }
  x=$(jq -er --arg kid "$key_id" '.keys[] | select(.kid == $kid and .kty == "OKP" and .crv == "Ed25519") | .x' \
    "$keys_file") || { echo "DIFFERS stream=$seal_stream: no Ed25519 key $key_id in $keys_file" >&2; exit 1; }
  # an Ed25519 SubjectPublicKeyInfo (RFC 8410) is this 12-byte DER prefix and the 32 bytes of the key
  { printf '\x30\x2a\x30\x05\x06\x03\x2b\x65\x70\x03\x21\x00'; base64url_decode <<<"$x"; } >"$work/key.der"
  openssl pkey -pubin -inform DER -in "$work/key.der" -out "$work/key.pem" 2>/dev/null \
    || { echo "the key $key_id is not an Ed25519 key" >&2; exit 2; }
  # the signed text: RFC 8785 JSON of the seal's members but the signature (jq -S -c gives it for these values)
  jq -jSc '(.data // .) | {head, keyId, sealedAt, sequence, source, stream}' "$seal_file" >"$work/signed"
  jq -jr '(.data // .) | .signature' "$seal_file" | base64url_decode >"$work/signature"
  if ! openssl pkeyutl -verify -pubin -inkey "$work/key.pem" -rawin -in "$work/signed" \
      -sigfile "$work/signature" >/dev/null 2>&1; then
    echo "DIFFERS stream=$seal_stream sequence=$seal_sequence: the seal's signature does not verify with key $key_id" >&2
    exit 1
  fi
  echo "SIGNED stream=$seal_stream sequence=$seal_sequence key=$key_id"
fi

head=$(printf '0%.0s' $(seq 1 64))
expected_sequence=0
while IFS= read -r row || [ -n "$row" ]; do
  given=${row%%$'\t'*}
  line=${row#*$'\t'}
  read -r stream sequence < <(jq -r '[.stream, .sequence] | @tsv' <<<"$line")
  if [ "$stream" != "$seal_stream" ] || [ "$sequence" != "$expected_sequence" ]; then
    echo "DIFFERS stream=$seal_stream sequence=$expected_sequence: the export's line is $stream/$sequence" >&2
    exit 1
  fi
  leaf=$(printf '%s' "$line" | sha256)
  head=$(printf '%s\n%s' "$head" "$leaf" | sha256)
  if [ "$head" != "$given" ]; then
    echo "DIFFERS stream=$seal_stream sequence=$sequence expected=$given found=$head (the export's own head)" >&2
    exit 1
  fi
  if [ "$sequence" = "$seal_sequence" ]; then
    if [ "$head" != "$seal_head" ]; then
      echo "DIFFERS stream=$seal_stream sequence=$sequence expected=$seal_head found=$head (the seal's head)" >&2
      exit 1
    fi
    echo "INTACT stream=$seal_stream sequence=$sequence head=$head"
    exit 0
  fi
  expected_sequence=$((expected_sequence + 1))
done <"$export_file"
echo "DIFFERS stream=$seal_stream sequence=$expected_sequence: the export ends before the seal's sequence $seal_sequence" >&2
exit 1
