"""Jupyter's own conformance suite (jupyter_kernel_test) against the iamnb kernel, every sample filled in."""
import unittest

import jupyter_kernel_test

from kernel_harness import KERNEL_NAME, kernelspec_dir, start_kernel


class IamnbConformance(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "java"
    file_extension = ".jsh"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": '"abc".isEmp', "matches": {"isEmpty()"}},
    ]
    complete_code_samples = ["1 + 1", "int x = 1;", "System.out.println(1);", "void f() {}", "int y = 2"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "System.out.println(1", "class B {", "int z = 1 +"]
    invalid_code_samples = ["int x = ;", ")", '"unterminated']

    code_generate_error = 'throw new RuntimeException("boom");'
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": '"hello, " + "java"', "result": "hello, java"},
        {"code": "java.util.List.of(1, 2, 3).size()", "result": "3"},
    ]
    code_display_data = [{"code": 'display("shown");', "mime": "text/plain"}]
    code_history_pattern = "6?7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.max"
    code_page_something = "String?"
    code_clear_output = "clearOutput();"

    @classmethod
    def setUpClass(cls):
        kernelspec_dir()
        cls.km, cls.kc = start_kernel()


if __name__ == "__main__":
    unittest.main()
