"""Prints each failed result of the given trx files: its name, its message and the start of its stack trace."""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}

for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", NS):
        if result.get("outcome") in ("Passed", "NotExecuted"):
            continue
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", "", NS).strip()
        stack = result.findtext("t:Output/t:ErrorInfo/t:StackTrace", "", NS).strip().splitlines()
        print(f"FAILED {result.get('testName')} ({result.get('outcome')})")
        print("  " + message[:4000].replace("\n", "\n  "))
        print("  " + "\n  ".join(stack[:25]))
