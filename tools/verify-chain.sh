#!/usr/bin/env bash
# Verifies an export of a stream's history chain against a seal, with bash, jq and sha256sum only.
#
#   tools/verify-chain.sh EXPORT SEAL
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
# The seal's signature is checked separately (README: openssl pkeyutl -verify).
set -euo pipefail

if [ $# -ne 2 ] || [ ! -r "$1" ] || [ ! -r "$2" ]; then
  echo "usage: $0 EXPORT SEAL" >&2
  exit 2
fi
export_file=$1
seal_file=$2

seal_stream=$(jq -er '(.data // .) | .stream' "$seal_file") || { echo "the seal has no stream" >&2; exit 2; }
seal_sequence=$(jq -er '(.data // .) | .sequence' "$seal_file") || { echo "the seal has no sequence" >&2; exit 2; }
seal_head=$(jq -er '(.data // .) | .head' "$seal_file") || { echo "the seal has no head" >&2; exit 2; }

sha256() { sha256sum | cut -c1-64; }

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
