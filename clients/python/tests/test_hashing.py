import hashlib
import json
import unittest

from verso_client.hashing import canonical_json, es_number, platform_hash, verso_hash


class CanonicalJsonTests(unittest.TestCase):
    def test_numbers_are_written_as_ecmascript_writes_them(self):
        cases = {1e-05: "0.00001", 1e16: "10000000000000000", 1.0: "1", 1e21: "1e+21", 1e-7: "1e-7", 123.456: "123.456",
                 -0.000001: "-0.000001", 5e-324: "5e-324", 1.5e300: "1.5e+300", 0.1 + 0.2: "0.30000000000000004", 2 ** 60: "1152921504606847000"}
        for value, text in cases.items():
            self.assertEqual(text, es_number(value), repr(value))

    def test_keys_sort_by_utf16_code_units_and_text_stays_utf8(self):
        # U+1F600 is D83D DE00 in UTF-16, below U+FFFD; by code points it would sort after.
        value = {"\ufffd": 1, "\U0001F600": 2, "b": "é\u0001\"", "a": [None, True, False]}
        expected = '{"a":[null,true,false],"b":"é\\u0001\\"","\U0001F600":2,"\ufffd":1}'
        self.assertEqual(expected.encode("utf-8"), canonical_json(value))

    def test_nan_and_lone_surrogates_have_no_canonical_form(self):
        with self.assertRaises(ValueError):
            canonical_json({"x": float("nan")})
        with self.assertRaises(ValueError):
            canonical_json({"x": "\ud800"})

    def test_both_hash_formulas(self):
        value = {"b": 1.0, "a": "é"}
        self.assertEqual("sha256:" + hashlib.sha256(b'{"a":"\xc3\xa9","b":1}').hexdigest(), verso_hash(value))
        self.assertEqual(hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest(), platform_hash(value))
        self.assertNotEqual(verso_hash(value)[7:], platform_hash(value))


if __name__ == "__main__":
    unittest.main()
