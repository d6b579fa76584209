import dataclasses
import json
import unittest
import urllib.request

from support import server
from verso_client.models import WIRE_TYPES, VersionPage


def resolve(document, pointer):
    node = document
    for part in pointer.lstrip("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


class ModelsMatchTheServedDocument(unittest.TestCase):
    """Every dataclass has exactly the properties of the schema it mirrors, and its required ones have no default."""

    @classmethod
    def setUpClass(cls):
        url, _ = server()
        with urllib.request.urlopen(url + "/openapi/v1.json") as answer:
            cls.document = json.load(answer)

    def schema(self, name):
        schema = resolve(self.document, name) if name.startswith("#") else self.document["components"]["schemas"][name]
        while "$ref" in schema:
            schema = resolve(self.document, schema["$ref"])
        return schema

    def test_each_wire_type_has_the_fields_of_its_schema(self):
        for cls in WIRE_TYPES:
            with self.subTest(cls=cls.__name__):
                schema = self.schema(cls.SCHEMA)
                names = {f.name for f in dataclasses.fields(cls)}
                self.assertEqual(set(schema["properties"]), names, f"{cls.__name__} against {cls.SCHEMA}")
                required = {f.name for f in dataclasses.fields(cls)
                            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
                self.assertTrue(required <= set(schema.get("required", [])), f"{cls.__name__} requires {required - set(schema.get('required', []))} the schema does not")

    def test_a_history_item_is_a_version_with_optional_content(self):
        items = self.schema(VersionPage.SCHEMA)["properties"]["items"]["items"]
        item = self.schema(items["$ref"]) if "$ref" in items else items
        self.assertIn("content", item["properties"])
        self.assertNotIn("content", item.get("required", []))


if __name__ == "__main__":
    unittest.main()
