"""Creates the template's AWS resources in moto server, exactly as declared (keys, GSIs, TTL, redrive...).

Resources are provisioned lazily in dependency order: resolving `!GetAtt ScoreDeadLetterQueue.Arn` while creating
the score queue creates the dead-letter queue first. Resources moto is not asked to emulate (functions, layers,
APIs, log groups, alarms) still get plausible Ref/GetAtt values so every expression in the template resolves.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3

from local.lambda_runtime.template import (
    FUNCTION_TYPES,
    LAYER_TYPES,
    PseudoParameters,
    Template,
    TemplateError,
    stringify,
)

FAKE_CREDENTIALS = {
    "aws_access_key_id": "testing",
    "aws_secret_access_key": "testing",
    "aws_session_token": "testing",
}
REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class QueueInfo:
    logical_id: str
    name: str
    url: str
    arn: str


@dataclass
class LocalResources:
    """What was created in moto, by logical id (the e2e tests' handle on the emulated AWS)."""

    endpoint_url: str
    region: str
    stack_name: str
    tables: dict[str, str] = field(default_factory=dict)
    queues: dict[str, QueueInfo] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)
    topics: dict[str, str] = field(default_factory=dict)
    refs: dict[str, Any] = field(default_factory=dict)
    attributes: dict[tuple[str, str], Any] = field(default_factory=dict)

    def client(self, service: str) -> Any:
        return boto3.client(  # type: ignore[call-overload]
            service, endpoint_url=self.endpoint_url, region_name=self.region, **FAKE_CREDENTIALS
        )

    def queue_url(self, logical_id: str) -> str:
        return self.queues[logical_id].url

    def queue_by_arn(self, arn: str) -> QueueInfo:
        for queue in self.queues.values():
            if queue.arn == arn:
                return queue
        raise KeyError(f"no local queue with ARN {arn}")

    def secret_value(self, logical_id: str) -> str:
        response = self.client("secretsmanager").get_secret_value(SecretId=self.secrets[logical_id])
        return str(response["SecretString"])


class Provisioner:
    """Implements Ref/GetAtt for a template against moto, creating each resource the first time it is named."""

    def __init__(
        self,
        template: Template,
        endpoint_url: str,
        *,
        secret_values: Mapping[str, str] | None = None,
        resource_overrides: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        self.template = template
        self.resources = LocalResources(
            endpoint_url=endpoint_url, region=template.pseudo.region, stack_name=template.pseudo.stack_name
        )
        self._secret_values = dict(secret_values or {})
        self._overrides = {key: dict(value) for key, value in (resource_overrides or {}).items()}
        unknown = sorted(set(self._overrides) - set(template.resources))
        if unknown:
            raise TemplateError(f"resource overrides name unknown resources: {', '.join(unknown)}")
        self._in_progress: set[str] = set()
        self._registered: dict[tuple[str, str], Any] = {}
        self._clients: dict[str, Any] = {}

    # ------------------------------------------------------------------ PhysicalResolver
    def register(self, logical_id: str, attribute: str, value: Any) -> None:
        """A value only the local stack knows (a function URL, an API endpoint); attribute "Ref" for Ref."""
        self._registered[(logical_id, attribute)] = value

    def ref(self, logical_id: str) -> Any:
        if (logical_id, "Ref") in self._registered:
            return self._registered[(logical_id, "Ref")]
        self._ensure(logical_id)
        return self.resources.refs[logical_id]

    def get_att(self, logical_id: str, attribute: str) -> Any:
        if (logical_id, attribute) in self._registered:
            return self._registered[(logical_id, attribute)]
        self._ensure(logical_id)
        key = (logical_id, attribute)
        if key not in self.resources.attributes:
            raise TemplateError(f"Fn::GetAtt {logical_id}.{attribute} is not available locally")
        return self.resources.attributes[key]

    def provision_all(self) -> LocalResources:
        for logical_id in self.template.resources:
            if self.template.resource_enabled(logical_id):
                self._ensure(logical_id)
        return self.resources

    # ------------------------------------------------------------------ creation
    def _client(self, service: str) -> Any:
        if service not in self._clients:
            self._clients[service] = self.resources.client(service)
        return self._clients[service]

    def _ensure(self, logical_id: str) -> None:
        if logical_id in self.resources.refs:
            return
        implicit = self._implicit_resource(logical_id)
        if implicit:
            return
        if logical_id not in self.template.resources:
            raise TemplateError(f"the template has no resource {logical_id}")
        if not self.template.resource_enabled(logical_id):
            raise TemplateError(f"resource {logical_id} is disabled by its condition")
        if logical_id in self._in_progress:
            raise TemplateError(f"circular reference through {logical_id}")
        self._in_progress.add(logical_id)
        try:
            resource = self.template.resources[logical_id]
            properties = dict(resource.get("Properties") or {})
            properties.update(self._overrides.get(logical_id, {}))
            creator = _CREATORS.get(str(resource.get("Type")))
            if creator is None:
                # Only the naming properties: a function's environment may name values that do not exist yet.
                naming = {key: properties[key] for key in _NAMING_PROPERTIES if key in properties}
                self._create_placeholder(logical_id, self.template.evaluate(naming, self))
            else:
                creator(self, logical_id, self.template.evaluate(properties, self))
        finally:
            self._in_progress.discard(logical_id)

    def _implicit_resource(self, logical_id: str) -> bool:
        """Resources SAM generates: `<Function>Url` (FunctionUrlConfig) and `ServerlessHttpApi`."""
        if logical_id in self.template.resources:
            return False
        names = self._names(logical_id)
        if logical_id.endswith("Url") and logical_id[:-3] in self.template.resources:
            self.resources.refs[logical_id] = names["arn_lambda"][:-3]
            self.resources.attributes[(logical_id, "FunctionArn")] = names["arn_lambda"][:-3]
            return True
        if logical_id == "ServerlessHttpApi":
            self.resources.refs[logical_id] = names["api_id"]
            return True
        return False

    def _names(self, logical_id: str) -> dict[str, str]:
        pseudo: PseudoParameters = self.template.pseudo
        name = f"{pseudo.stack_name}-{logical_id}"
        prefix = f"arn:{pseudo.partition}"
        return {
            "name": name,
            "arn_lambda": f"{prefix}:lambda:{pseudo.region}:{pseudo.account_id}:function:{name}",
            "api_id": hashlib.sha256(name.encode()).hexdigest()[:10],
            "prefix": prefix,
        }

    def _create_table(self, logical_id: str, properties: dict[str, Any]) -> None:
        name = properties.get("TableName") or self._names(logical_id)["name"]
        request: dict[str, Any] = {
            "TableName": name,
            "AttributeDefinitions": properties["AttributeDefinitions"],
            "KeySchema": properties["KeySchema"],
            "BillingMode": properties.get("BillingMode", "PROVISIONED"),
        }
        if request["BillingMode"] == "PROVISIONED":
            request["ProvisionedThroughput"] = properties.get(
                "ProvisionedThroughput", {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
            )
        for key in ("GlobalSecondaryIndexes", "LocalSecondaryIndexes", "StreamSpecification", "TableClass", "Tags"):
            if key in properties:
                request[key] = properties[key]
        if "DeletionProtectionEnabled" in properties:
            request["DeletionProtectionEnabled"] = _as_bool(properties["DeletionProtectionEnabled"])
        sse = properties.get("SSESpecification")
        if sse:
            request["SSESpecification"] = {
                "Enabled": _as_bool(sse.get("SSEEnabled", False)),
                **({"SSEType": sse["SSEType"]} if "SSEType" in sse else {}),
                **({"KMSMasterKeyId": sse["KMSMasterKeyId"]} if "KMSMasterKeyId" in sse else {}),
            }
        client = self._client("dynamodb")
        description = client.create_table(**request)["TableDescription"]
        ttl = properties.get("TimeToLiveSpecification")
        if ttl and _as_bool(ttl.get("Enabled", False)):
            client.update_time_to_live(
                TableName=name,
                TimeToLiveSpecification={"AttributeName": ttl["AttributeName"], "Enabled": True},
            )
        pitr = properties.get("PointInTimeRecoverySpecification")
        if pitr and _as_bool(pitr.get("PointInTimeRecoveryEnabled", False)):
            client.update_continuous_backups(
                TableName=name, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True}
            )
        self.resources.tables[logical_id] = name
        self.resources.refs[logical_id] = name
        self.resources.attributes[(logical_id, "Arn")] = description["TableArn"]
        if "LatestStreamArn" in description:
            self.resources.attributes[(logical_id, "StreamArn")] = description["LatestStreamArn"]

    def _create_queue(self, logical_id: str, properties: dict[str, Any]) -> None:
        fifo = _as_bool(properties.get("FifoQueue", False))
        name = properties.get("QueueName") or self._names(logical_id)["name"] + (".fifo" if fifo else "")
        attributes: dict[str, str] = {}
        for key in (
            "VisibilityTimeout",
            "MessageRetentionPeriod",
            "DelaySeconds",
            "MaximumMessageSize",
            "ReceiveMessageWaitTimeSeconds",
            "FifoQueue",
            "ContentBasedDeduplication",
            "DeduplicationScope",
            "FifoThroughputLimit",
            "SqsManagedSseEnabled",
            "KmsMasterKeyId",
            "KmsDataKeyReusePeriodSeconds",
        ):
            if key in properties:
                attributes[key] = stringify(properties[key])
        for key in ("RedrivePolicy", "RedriveAllowPolicy"):
            if key in properties:
                value = properties[key]
                attributes[key] = value if isinstance(value, str) else json.dumps(value)
        client = self._client("sqs")
        url = client.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
        arn = client.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        self.resources.queues[logical_id] = QueueInfo(logical_id, name, url, arn)
        self.resources.refs[logical_id] = url
        self.resources.attributes[(logical_id, "Arn")] = arn
        self.resources.attributes[(logical_id, "QueueName")] = name
        self.resources.attributes[(logical_id, "QueueUrl")] = url

    def _create_secret(self, logical_id: str, properties: dict[str, Any]) -> None:
        name = properties.get("Name") or self._names(logical_id)["name"]
        if logical_id in self._secret_values:
            value = self._secret_values[logical_id]
        elif "SecretString" in properties:
            value = str(properties["SecretString"])
        else:
            value = _generate_secret_string(properties.get("GenerateSecretString") or {})
        request: dict[str, Any] = {"Name": name, "SecretString": value}
        if properties.get("Description"):
            request["Description"] = str(properties["Description"])[:2048]
        arn = self._client("secretsmanager").create_secret(**request)["ARN"]
        self.resources.secrets[logical_id] = arn
        self.resources.refs[logical_id] = arn
        self.resources.attributes[(logical_id, "Id")] = arn

    def _create_topic(self, logical_id: str, properties: dict[str, Any]) -> None:
        name = properties.get("TopicName") or self._names(logical_id)["name"]
        arn = self._client("sns").create_topic(Name=name)["TopicArn"]
        self.resources.topics[logical_id] = arn
        self.resources.refs[logical_id] = arn
        self.resources.attributes[(logical_id, "TopicArn")] = arn
        self.resources.attributes[(logical_id, "TopicName")] = name

    def _create_placeholder(self, logical_id: str, properties: dict[str, Any]) -> None:
        """Not emulated in moto: give it the Ref/GetAtt values CloudFormation would."""
        resource_type = str(self.template.resources[logical_id].get("Type"))
        names = self._names(logical_id)
        pseudo = self.template.pseudo
        name, prefix = names["name"], names["prefix"]
        refs = self.resources.refs
        attributes = self.resources.attributes
        if resource_type in FUNCTION_TYPES:
            function_name = properties.get("FunctionName") or name
            arn = f"{prefix}:lambda:{pseudo.region}:{pseudo.account_id}:function:{function_name}"
            refs[logical_id] = function_name
            attributes[(logical_id, "Arn")] = arn
        elif resource_type in LAYER_TYPES:
            refs[logical_id] = f"{prefix}:lambda:{pseudo.region}:{pseudo.account_id}:layer:{name}:1"
        elif resource_type in ("AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api", "AWS::Serverless::Api"):
            refs[logical_id] = names["api_id"]
            attributes[(logical_id, "ApiEndpoint")] = (
                f"https://{names['api_id']}.execute-api.{pseudo.region}.{pseudo.url_suffix}"
            )
        elif resource_type == "AWS::Logs::LogGroup":
            group = properties.get("LogGroupName") or f"/aws/local/{name}"
            refs[logical_id] = group
            attributes[(logical_id, "Arn")] = f"{prefix}:logs:{pseudo.region}:{pseudo.account_id}:log-group:{group}:*"
        else:
            refs[logical_id] = name
            service = resource_type.split("::")[1].lower() if resource_type.count("::") >= 2 else "local"
            attributes[(logical_id, "Arn")] = f"{prefix}:{service}:{pseudo.region}:{pseudo.account_id}:{name}"


_NAMING_PROPERTIES = ("FunctionName", "LogGroupName", "Name")
_CREATORS = {
    "AWS::DynamoDB::Table": Provisioner._create_table,
    "AWS::SQS::Queue": Provisioner._create_queue,
    "AWS::SecretsManager::Secret": Provisioner._create_secret,
    "AWS::SNS::Topic": Provisioner._create_topic,
}


def _as_bool(value: Any) -> bool:
    return value if isinstance(value, bool) else str(value).lower() == "true"


def _generate_secret_string(spec: Mapping[str, Any]) -> str:
    """Secrets Manager's GenerateSecretString, locally (test values; never used outside moto)."""
    alphabet = string.ascii_letters + string.digits
    if not _as_bool(spec.get("ExcludePunctuation", False)):
        alphabet += "!#$%&()*+,-.:;<=>?@[]^_{|}~"
    if _as_bool(spec.get("ExcludeNumbers", False)):
        alphabet = "".join(ch for ch in alphabet if not ch.isdigit())
    if _as_bool(spec.get("ExcludeUppercase", False)):
        alphabet = "".join(ch for ch in alphabet if not ch.isupper())
    if _as_bool(spec.get("ExcludeLowercase", False)):
        alphabet = "".join(ch for ch in alphabet if not ch.islower())
    excluded = str(spec.get("ExcludeCharacters", ""))
    alphabet = "".join(ch for ch in alphabet if ch not in excluded)
    length = int(spec.get("PasswordLength", 32))
    generated = "".join(secrets.choice(alphabet) for _ in range(length))
    template = spec.get("SecretStringTemplate")
    key = spec.get("GenerateStringKey")
    if template and key:
        document = json.loads(str(template))
        document[str(key)] = generated
        return json.dumps(document)
    return generated


def create_resources_from_template(
    endpoint_url: str,
    template_path: Path | str | None = None,
    *,
    parameter_overrides: Mapping[str, str] | None = None,
    secret_values: Mapping[str, str] | None = None,
    resource_overrides: Mapping[str, Mapping[str, Any]] | None = None,
    stack_name: str = "skima-local",
    region: str = "us-east-1",
) -> LocalResources:
    """Create every table, queue, secret and topic of the template in the moto server at `endpoint_url`.

    `template_path` defaults to the repository's template.yaml (the source of truth for keys and settings).
    """
    template = Template.load(
        template_path or REPO_ROOT / "template.yaml",
        parameter_overrides,
        PseudoParameters(region=region, stack_name=stack_name),
    )
    provisioner = Provisioner(
        template, endpoint_url, secret_values=secret_values, resource_overrides=resource_overrides
    )
    return provisioner.provision_all()
