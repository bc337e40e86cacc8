#!/usr/bin/env python3
"""Tokenizer parity fixtures for dev.jinaclip.onnx.internal.ClipTokenizer.

Writes src/test/resources/tokenizer/reference_ids.json.gz: five deterministic word texts (511, 512, 513, 2000 and
9000 words) and, for each, the token ids that Hugging Face's Python tokenizer gives for the fixture tokenizer.json
(models/tiny/tokenizer.json, BERT-uncased WordPiece):

* "untruncated": tokenizer(text, truncation=False)["input_ids"]
* "truncated"[n]: tokenizer(text, truncation=True, max_length=n)["input_ids"] for every n in MAX_LENGTHS, and for
  the text's own token count and the counts one below and one above it (where they are at most 8192)

The reference is transformers' PreTrainedTokenizerFast loaded from that file only (no tokenizer_config.json, as the
Java side reads none). The script checks that the Rust tokenizers library alone (no_padding, enable_truncation)
gives the same ids, and that every truncated sequence is [CLS] ... [SEP] of exactly n ids.

The texts mix whole-word tokens with words that WordPiece splits (long and rare words, numbers, hyphens and
apostrophes, accents that the normaliser strips, CJK characters that become one token each, unknown symbols),
chosen by a fixed linear congruential generator, so re-running gives byte-identical output (gzip with mtime 0).

Needs transformers and tokenizers (no torch), e.g.:
    python3 -m venv /tmp/tokvenv && /tmp/tokvenv/bin/pip install tokenizers transformers
    /tmp/tokvenv/bin/python jina-clip-onnx/src/test/scripts/make_tokenizer_parity_fixtures.py
"""
import gzip
import hashlib
import json
import platform
from pathlib import Path

import tokenizers
import transformers
from transformers import PreTrainedTokenizerFast

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
TOKENIZER = RESOURCES / "models" / "tiny" / "tokenizer.json"
OUT = RESOURCES / "tokenizer" / "reference_ids.json.gz"

WORD_COUNTS = [511, 512, 513, 2000, 9000]
# 3 is the smallest maxTextTokens the config allows, 512 the default, 8192 the text tower's window.
MAX_LENGTHS = [3, 512, 513, 2048, 8192]
CLS, SEP = 101, 102

# Words that stay one token.
COMMON = ("the a of and to in is was for on with as by at from it that this be are photo image red green blue "
          "yellow black white small large old new house water light dog cat tree road city river day night "
          "people car book table window street music game time world").split()
# Words that WordPiece splits, or that the normaliser and pre-tokenizer change.
SPLIT = ("unbelievably tokenization photosynthesis antidisestablishmentarianism electroencephalography "
         "hyperparameters embeddings multimodal jina clip-v1 e-mail state-of-the-art don't isn't o'clock "
         "café naïve résumé Zürich Ångström São-Paulo façade coöperate McDonald's iPhone GitHub JavaScript "
         "CamelCaseWord snake_case_word 1,991 3.14159 2024-06-01 1e-9 #hashtag @mention "
         "https://example.org/a/b?c=d 東京 北京大学 日本語 한국어 привет Ελληνικά ☃ 🙂 ∑∫ ¿qué? "
         "(parenthesised) [bracketed] \"quoted\" semi;colon ellipsis... ok!!! wait---what").split()


def lcg(seed):
    """64-bit linear congruential generator (Knuth's MMIX constants); the same numbers on every Python."""
    state = seed
    while True:
        state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        yield state >> 33


def words(count, seed):
    """count words: about one in four from SPLIT, the rest from COMMON, with a full stop every 9 to 24 words."""
    numbers = lcg(seed)
    out = []
    until_stop = 9
    for _ in range(count):
        pool = SPLIT if next(numbers) % 4 == 0 else COMMON
        word = pool[next(numbers) % len(pool)]
        until_stop -= 1
        if until_stop == 0:
            word += "."
            until_stop = 9 + next(numbers) % 16
        out.append(word)
    return out


def main():
    reference = PreTrainedTokenizerFast(tokenizer_file=str(TOKENIZER))
    rust = tokenizers.Tokenizer.from_file(str(TOKENIZER))
    rust.no_padding()
    cases = []
    for count in WORD_COUNTS:
        text = " ".join(words(count, seed=count))
        assert len(text.split(" ")) == count
        untruncated = reference(text, truncation=False)["input_ids"]
        rust.no_truncation()
        assert rust.encode(text).ids == untruncated
        tokens = len(untruncated)
        boundary = [n for n in (tokens - 1, tokens, tokens + 1) if n <= MAX_LENGTHS[-1]]
        truncated = {}
        for n in sorted(set(MAX_LENGTHS + boundary)):
            ids = reference(text, truncation=True, max_length=n)["input_ids"]
            rust.enable_truncation(max_length=n)
            assert rust.encode(text).ids == ids, (count, n)
            assert len(ids) == min(n, tokens) and ids[0] == CLS and ids[-1] == SEP, (count, n)
            assert ids[:-1] == untruncated[:len(ids) - 1], (count, n)
            truncated[str(n)] = ids
        cases.append({"name": f"words_{count}", "words": count, "tokens": tokens, "text": text,
                      "untruncated": untruncated, "truncated": truncated})
        print(f"words_{count}: {tokens} tokens, {len(text)} characters")
    fixture = {
        "generator": "jina-clip-onnx/src/test/scripts/make_tokenizer_parity_fixtures.py",
        "reference": "transformers.PreTrainedTokenizerFast(tokenizer_file=...)"
                     "(text, truncation=True, max_length=n)['input_ids']",
        "transformers": transformers.__version__,
        "tokenizers": tokenizers.__version__,
        "python": platform.python_version(),
        "tokenizer_json": "models/tiny/tokenizer.json",
        "tokenizer_sha256": hashlib.sha256(TOKENIZER.read_bytes()).hexdigest(),
        "max_lengths": MAX_LENGTHS,
        "cases": cases,
    }
    OUT.parent.mkdir(exist_ok=True)
    data = json.dumps(fixture, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{OUT}: {OUT.stat().st_size} bytes ({len(data)} uncompressed)")


if __name__ == "__main__":
    main()
