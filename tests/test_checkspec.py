"""The one format of a check: `check` marks a function, `checks_of` finds them in order."""

import types

from autograder.checkspec import CheckInfo, CheckSpec, check, checks_of


def test_check_marks_a_function_with_what_its_cell_states():
    @check("relu_hidden", "1.2 relu", points=2.0, hidden=True, hint="sign", bonus=True)
    def test_relu(relu, train):
        pass

    spec = test_relu.check_spec
    assert spec.info == CheckInfo("relu_hidden", "1.2 relu", 2.0, True, "sign", True)
    assert type(spec.info) is CheckInfo  # the plain fields, without the function
    assert (spec.function, spec.student_names) == (test_relu, ("relu", "train"))


def test_a_parameter_stands_for_a_support_function_when_the_check_says_so():
    spec = CheckSpec(
        "fit",
        "fit",
        1.0,
        False,
        function=lambda model, train_classifier: None,
        support_functions={"train_classifier": "nnkit_torch.train_classifier"},
    )
    assert spec.target_of("train_classifier") == "nnkit_torch.train_classifier"
    assert spec.target_of("model") == "model"
    assert (spec.hint, spec.bonus) == ("", False)


def test_checks_are_found_in_the_order_they_are_written():
    module = types.ModuleType("checks")
    for name in ("b", "a", "c"):
        setattr(module, f"test_{name}", check(name, name, points=1.0, hidden=False)(lambda: None))
    module.helper = lambda: None
    assert [spec.grade_id for spec in checks_of(module)] == ["b", "a", "c"]
