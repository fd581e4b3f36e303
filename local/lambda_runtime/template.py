"""Reads a SAM template (source or `sam build` output) and evaluates CloudFormation intrinsics locally.

The template is the one source of truth: table keys, queue settings, environment variables and event sources all
come from it. Physical values (table names, queue URLs, secret ARNs, function URLs) come from a `PhysicalResolver`,
which the provisioner implements against moto.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import cfn_flip

SERVERLESS_FUNCTION = "AWS::Serverless::Function"
LAMBDA_FUNCTION = "AWS::Lambda::Function"
SERVERLESS_LAYER = "AWS::Serverless::LayerVersion"
LAMBDA_LAYER = "AWS::Lambda::LayerVersion"
FUNCTION_TYPES = (SERVERLESS_FUNCTION, LAMBDA_FUNCTION)
LAYER_TYPES = (SERVERLESS_LAYER, LAMBDA_LAYER)


class TemplateError(ValueError):
    """The template cannot be evaluated locally (a clear message, never a KeyError from deep inside)."""


class _NoValue:
    def __repr__(self) -> str:
        return "AWS::NoValue"


NO_VALUE: Any = _NoValue()


class PhysicalResolver(Protocol):
    def ref(self, logical_id: str) -> Any: ...

    def get_att(self, logical_id: str, attribute: str) -> Any: ...


def load_template(path: Path | str) -> dict[str, Any]:
    """YAML or JSON with CloudFormation short tags (!Ref, !GetAtt, !Sub...) → plain dicts in long form."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        loaded = cfn_flip.load_yaml(text)
    except Exception as exc:  # cfn_flip raises yaml errors of several kinds
        raise TemplateError(f"cannot parse {path}: {exc}") from exc
    # ODicts → plain dicts; YAML dates (unquoted) → strings.
    plain = json.loads(json.dumps(loaded, default=str))
    if not isinstance(plain, dict) or not isinstance(plain.get("Resources"), dict):
        raise TemplateError(f"{path} has no Resources section")
    return plain


@dataclass(frozen=True)
class PseudoParameters:
    region: str = "us-east-1"
    account_id: str = "123456789012"
    stack_name: str = "skima-local"
    partition: str = "aws"
    url_suffix: str = "amazonaws.com"

    @property
    def stack_id(self) -> str:
        return (
            f"arn:{self.partition}:cloudformation:{self.region}:{self.account_id}:stack/{self.stack_name}/"
            "00000000-0000-0000-0000-000000000000"
        )


@dataclass
class Template:
    """A loaded template with its parameters chosen; evaluates conditions and intrinsic functions."""

    body: dict[str, Any]
    path: Path
    parameter_overrides: Mapping[str, str] = field(default_factory=dict)
    pseudo: PseudoParameters = field(default_factory=PseudoParameters)
    parameters: dict[str, Any] = field(init=False)
    _condition_cache: dict[str, bool] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.parameters = self._choose_parameters()

    @classmethod
    def load(
        cls,
        path: Path | str,
        parameter_overrides: Mapping[str, str] | None = None,
        pseudo: PseudoParameters | None = None,
    ) -> Template:
        return cls(
            load_template(path),
            Path(path).resolve(),
            dict(parameter_overrides or {}),
            pseudo or PseudoParameters(),
        )

    @property
    def directory(self) -> Path:
        return self.path.parent

    @property
    def resources(self) -> dict[str, dict[str, Any]]:
        resources: dict[str, dict[str, Any]] = self.body["Resources"]
        return resources

    def resources_of_type(self, *types: str) -> dict[str, dict[str, Any]]:
        return {
            logical_id: resource
            for logical_id, resource in self.resources.items()
            if resource.get("Type") in types and self.resource_enabled(logical_id)
        }

    def resource_enabled(self, logical_id: str) -> bool:
        condition = self.resources[logical_id].get("Condition")
        return True if condition is None else self.condition(condition)

    # ------------------------------------------------------------------ parameters and conditions
    def _choose_parameters(self) -> dict[str, Any]:
        declared: dict[str, dict[str, Any]] = self.body.get("Parameters") or {}
        unknown = sorted(set(self.parameter_overrides) - set(declared))
        if unknown:
            raise TemplateError(f"parameter overrides name undeclared parameters: {', '.join(unknown)}")
        chosen: dict[str, Any] = {}
        for name, spec in declared.items():
            if name in self.parameter_overrides:
                raw: Any = self.parameter_overrides[name]
            elif "Default" in spec:
                raw = spec["Default"]
            else:
                raise TemplateError(f"parameter {name} has no default and no override")
            value = _stringify(raw)
            _validate_parameter(name, spec, value)
            if str(spec.get("Type", "String")).startswith("CommaDelimitedList") or str(spec.get("Type", "")).startswith(
                "List<"
            ):
                chosen[name] = [item.strip() for item in value.split(",")] if value else []
            else:
                chosen[name] = value
        return chosen

    def condition(self, name: str) -> bool:
        if name not in self._condition_cache:
            conditions = self.body.get("Conditions") or {}
            if name not in conditions:
                raise TemplateError(f"unknown condition {name}")
            self._condition_cache[name] = bool(self.evaluate(conditions[name], _NullResolver()))
        return self._condition_cache[name]

    # ------------------------------------------------------------------ intrinsics
    def evaluate(self, value: Any, physical: PhysicalResolver) -> Any:
        """Resolve every intrinsic in `value`; `AWS::NoValue` removes the key or list item."""
        if isinstance(value, list):
            items = [self.evaluate(item, physical) for item in value]
            return [item for item in items if item is not NO_VALUE]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            ((key, argument),) = value.items()
            handler = _INTRINSICS.get(key)
            if handler is not None:
                return handler(self, argument, physical)
        resolved = {key: self.evaluate(item, physical) for key, item in value.items()}
        return {key: item for key, item in resolved.items() if item is not NO_VALUE}

    def _ref(self, name: Any, physical: PhysicalResolver) -> Any:
        if not isinstance(name, str):
            raise TemplateError(f"Ref needs a name, got {name!r}")
        if name in self.parameters:
            return self.parameters[name]
        pseudo = {
            "AWS::Region": self.pseudo.region,
            "AWS::AccountId": self.pseudo.account_id,
            "AWS::StackName": self.pseudo.stack_name,
            "AWS::StackId": self.pseudo.stack_id,
            "AWS::Partition": self.pseudo.partition,
            "AWS::URLSuffix": self.pseudo.url_suffix,
            "AWS::NotificationARNs": [],
            "AWS::NoValue": NO_VALUE,
        }
        if name in pseudo:
            return pseudo[name]
        return physical.ref(name)

    def _get_att(self, argument: Any, physical: PhysicalResolver) -> Any:
        if isinstance(argument, str):
            logical_id, _, attribute = argument.partition(".")
        elif isinstance(argument, list) and len(argument) == 2:
            logical_id, attribute = argument[0], self.evaluate(argument[1], physical)
        else:
            raise TemplateError(f"Fn::GetAtt needs [LogicalId, Attribute], got {argument!r}")
        return physical.get_att(str(logical_id), str(attribute))

    def _sub(self, argument: Any, physical: PhysicalResolver) -> str:
        if isinstance(argument, str):
            text, variables = argument, {}
        elif isinstance(argument, list) and len(argument) == 2 and isinstance(argument[0], str):
            text, variables = argument[0], self.evaluate(argument[1], physical)
        else:
            raise TemplateError(f"Fn::Sub needs a string or [string, {{vars}}], got {argument!r}")

        def replace(match: re.Match[str]) -> str:
            expression = match.group(1)
            if expression.startswith("!"):
                return "${" + expression[1:] + "}"
            if expression in variables:
                return _stringify(variables[expression])
            if "." in expression and not expression.startswith("AWS::"):
                logical_id, _, attribute = expression.partition(".")
                return _stringify(physical.get_att(logical_id, attribute))
            return _stringify(self._ref(expression, physical))

        return re.sub(r"\$\{([^}]+)\}", replace, text)

    def _if(self, argument: Any, physical: PhysicalResolver) -> Any:
        if not (isinstance(argument, list) and len(argument) == 3):
            raise TemplateError(f"Fn::If needs [condition, then, else], got {argument!r}")
        chosen = argument[1] if self.condition(argument[0]) else argument[2]
        return self.evaluate(chosen, physical)

    def _find_in_map(self, argument: Any, physical: PhysicalResolver) -> Any:
        if not (isinstance(argument, list) and len(argument) in (3, 4)):
            raise TemplateError(f"Fn::FindInMap needs [map, top key, second key], got {argument!r}")
        map_name, top, second = (self.evaluate(part, physical) for part in argument[:3])
        try:
            return self.body["Mappings"][map_name][top][second]
        except KeyError:
            if len(argument) == 4 and isinstance(argument[3], dict) and "DefaultValue" in argument[3]:
                return self.evaluate(argument[3]["DefaultValue"], physical)
            raise TemplateError(f"Fn::FindInMap: no {map_name}.{top}.{second}") from None

    def _equals(self, argument: Any, physical: PhysicalResolver) -> bool:
        left, right = (self.evaluate(part, physical) for part in argument)
        return _stringify(left) == _stringify(right)

    def _join(self, argument: Any, physical: PhysicalResolver) -> str:
        delimiter, items = argument
        return str(delimiter).join(_stringify(item) for item in self.evaluate(items, physical))

    def _select(self, argument: Any, physical: PhysicalResolver) -> Any:
        index, items = argument
        return self.evaluate(items, physical)[int(self.evaluate(index, physical))]

    def _split(self, argument: Any, physical: PhysicalResolver) -> list[str]:
        delimiter, text = argument
        return str(self.evaluate(text, physical)).split(str(delimiter))


def _not_implemented(name: str) -> Callable[[Template, Any, PhysicalResolver], Any]:
    def handler(template: Template, argument: Any, physical: PhysicalResolver) -> Any:
        raise TemplateError(f"{name} is not supported by the local runner")

    return handler


_INTRINSICS: dict[str, Callable[[Template, Any, PhysicalResolver], Any]] = {
    "Ref": lambda t, a, p: t._ref(a, p),
    "Fn::GetAtt": lambda t, a, p: t._get_att(a, p),
    "Fn::Sub": lambda t, a, p: t._sub(a, p),
    "Fn::If": lambda t, a, p: t._if(a, p),
    "Fn::FindInMap": lambda t, a, p: t._find_in_map(a, p),
    "Fn::Equals": lambda t, a, p: t._equals(a, p),
    "Fn::Not": lambda t, a, p: not bool(t.evaluate(a[0], p)),
    "Fn::And": lambda t, a, p: all(bool(t.evaluate(item, p)) for item in a),
    "Fn::Or": lambda t, a, p: any(bool(t.evaluate(item, p)) for item in a),
    "Condition": lambda t, a, p: t.condition(a),
    "Fn::Join": lambda t, a, p: t._join(a, p),
    "Fn::Select": lambda t, a, p: t._select(a, p),
    "Fn::Split": lambda t, a, p: t._split(a, p),
    "Fn::GetAZs": lambda t, a, p: [f"{t.pseudo.region}{zone}" for zone in "abc"],
    "Fn::ImportValue": _not_implemented("Fn::ImportValue"),
    "Fn::Transform": _not_implemented("Fn::Transform"),
}


class _NullResolver:
    """Conditions may only use parameters and pseudo parameters."""

    def ref(self, logical_id: str) -> Any:
        raise TemplateError(f"conditions cannot refer to resource {logical_id}")

    def get_att(self, logical_id: str, attribute: str) -> Any:
        raise TemplateError(f"conditions cannot use Fn::GetAtt {logical_id}.{attribute}")


def _stringify(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ",".join(_stringify(item) for item in value)
    return str(value)


def stringify(value: Any) -> str:
    """How CloudFormation renders a scalar into a string property (environment variables, Sub)."""
    return _stringify(value)


def _validate_parameter(name: str, spec: Mapping[str, Any], value: str) -> None:
    allowed = spec.get("AllowedValues")
    if allowed is not None and value not in [_stringify(item) for item in allowed]:
        raise TemplateError(f"parameter {name}={value!r} is not one of {allowed}")
    pattern = spec.get("AllowedPattern")
    if pattern is not None and re.fullmatch(str(pattern), value) is None:
        raise TemplateError(f"parameter {name}={value!r} does not match {pattern}")
    if "MinLength" in spec and len(value) < int(spec["MinLength"]):
        raise TemplateError(f"parameter {name} is shorter than {spec['MinLength']}")
    if "MaxLength" in spec and len(value) > int(spec["MaxLength"]):
        raise TemplateError(f"parameter {name} is longer than {spec['MaxLength']}")
    if spec.get("Type") == "Number":
        try:
            number = float(value)
        except ValueError:
            raise TemplateError(f"parameter {name}={value!r} is not a number") from None
        if "MinValue" in spec and number < float(spec["MinValue"]):
            raise TemplateError(f"parameter {name}={value} is below {spec['MinValue']}")
        if "MaxValue" in spec and number > float(spec["MaxValue"]):
            raise TemplateError(f"parameter {name}={value} is above {spec['MaxValue']}")


def is_intrinsic(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and next(iter(value)) in _INTRINSICS


def merge_globals(global_properties: Mapping[str, Any], properties: Mapping[str, Any]) -> dict[str, Any]:
    """SAM's Globals rules: scalars are replaced, maps merged (resource wins), lists concatenated (globals first)."""
    merged: dict[str, Any] = copy.deepcopy(dict(global_properties))
    for key, value in properties.items():
        if key not in merged:
            merged[key] = copy.deepcopy(value)
            continue
        current = merged[key]
        if is_intrinsic(current) or is_intrinsic(value):
            merged[key] = copy.deepcopy(value)
        elif isinstance(current, dict) and isinstance(value, dict):
            merged[key] = merge_globals(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            merged[key] = current + copy.deepcopy(value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def function_properties(template: Template, logical_id: str) -> dict[str, Any]:
    """A function's properties with the template's Globals applied (sam build keeps Globals untransformed)."""
    resource = template.resources[logical_id]
    properties: dict[str, Any] = resource.get("Properties") or {}
    if resource.get("Type") != SERVERLESS_FUNCTION:
        return copy.deepcopy(properties)
    global_function: dict[str, Any] = (template.body.get("Globals") or {}).get("Function") or {}
    return merge_globals(global_function, properties)
