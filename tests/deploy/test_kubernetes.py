"""deploy/: each overlay rendered by kustomize (`kubectl kustomize`, as `kubectl apply -k`
renders it) and every object validated offline against the Kubernetes schemas, then checked
against the project: every process runs from the image with its own key, on the ports its
settings give, probed the way docker-compose.yml probes it, scaled and reached as
deploy/README.md says."""

import copy
import importlib.util
import json
import re
import shutil
from pathlib import Path

import kubernetes_validate
import pytest
import yaml
from prometheus_client.metrics import MetricWrapperBase

from devtools.stack import procfile_processes
from lib.common import metrics, service_identity
from lib.common.config import Settings
from lib.common.process_secrets import SECRETS_OF
from tests.deploy import kustomize

ROOT = Path(__file__).resolve().parents[2]
KUBERNETES_VERSION = "1.32.0"
OVERLAYS = ("dev", "prod")
GRPC_PORTS = {
    "users": "users_grpc_port",
    "posts": "posts_grpc_port",
    "scheduler": "scheduler_grpc_port",
    "media": "media_grpc_port",
}
HTTP_PORTS = {"gateway": "gateway_port", "realtime": "realtime_port"}
SECRET_SETTINGS = {
    "POSTFLOW_DATABASE_URL",
    "POSTFLOW_NATS_URL",
    "POSTFLOW_S3_ACCESS_KEY",
    "POSTFLOW_S3_SECRET_KEY",
    "POSTFLOW_JWT_SECRET",
    "POSTFLOW_JWT_PREVIOUS_SECRETS",
    "POSTFLOW_TOKEN_ENCRYPTION_KEYS",
    "POSTFLOW_MEDIA_URL_SIGNING_KEY",
    "POSTFLOW_SMTP_PASSWORD",
    # The Meta app: its secrets, and its ids beside them.
    "POSTFLOW_META_APP_ID",
    "POSTFLOW_META_APP_SECRET",
    "POSTFLOW_INSTAGRAM_APP_ID",
    "POSTFLOW_INSTAGRAM_APP_SECRET",
}
SETTINGS = {f"POSTFLOW_{name.upper()}" for name in Settings.model_fields}


def default(name: str):
    return Settings.model_fields[name].default


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, list[dict]]:
    """Each overlay's objects, rendered from a copy of deploy/ given what an operator adds
    before the first apply: the identity keys and prod's secrets.env."""
    copy_root = tmp_path_factory.mktemp("deploy") / "deploy"
    shutil.copytree(ROOT / "deploy", copy_root)
    shutil.copy(copy_root / "overlays/prod/secrets.env.example", copy_root / "overlays/prod/secrets.env")
    objects = {}
    for overlay in OVERLAYS:
        service_identity.ensure_keys(copy_root / "overlays" / overlay / "service-keys")
        objects[overlay] = kustomize.render(copy_root / "overlays" / overlay)
    return objects


def _of(objects: list[dict], kind: str) -> dict[str, dict]:
    return {o["metadata"]["name"]: o for o in objects if o["kind"] == kind}


def _container(deployment: dict) -> dict:
    [container] = deployment["spec"]["template"]["spec"]["containers"]
    return container


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_object_is_valid_against_the_kubernetes_schemas(rendered, overlay):
    kinds = set()
    for obj in rendered[overlay]:
        kubernetes_validate.validate(obj, KUBERNETES_VERSION, strict=True)
        kinds.add(obj["kind"])
    assert kinds >= {
        "ConfigMap",
        "Secret",
        "Deployment",
        "Service",
        "HorizontalPodAutoscaler",
        "PodDisruptionBudget",
        "Ingress",
        "NetworkPolicy",
    }


def test_the_validator_refuses_a_misspelled_field(rendered):
    deployment = copy.deepcopy(_of(rendered["prod"], "Deployment")["gateway"])
    _container(deployment)["readinesProbe"] = {"httpGet": {"path": "/readyz", "port": 8000}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBERNETES_VERSION, strict=True)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_process_runs_from_the_image_and_every_module_exists(rendered, overlay):
    procfile = {args[1] for name, args in procfile_processes().items() if name != "graph_simulator"}
    deployments = _of(rendered[overlay], "Deployment")
    modules = {_container(d)["command"][2] for d in deployments.values()}
    # Before its code, each pod that uses the database migrates it, and the worker makes
    # Temporal's namespace (init containers: a Job of the same release could run after the
    # new code started, and cannot be applied again with a new image).
    inits = {
        name: [c["command"][2] for c in d["spec"]["template"]["spec"].get("initContainers", [])]
        for name, d in deployments.items()
    }
    assert inits == {
        **{name: ["services.migrate"] for name in ("users", "posts", "scheduler", "media", "realtime")},
        "worker": ["workflows.search_attributes"],
        "gateway": [],
        **({"graph-simulator": []} if overlay == "dev" else {}),
    }
    assert not _of(rendered[overlay], "Job")
    simulator = {"devtools.graph_simulator.main"} if overlay == "dev" else set()
    assert modules == procfile | simulator
    for module in modules | {m for found in inits.values() for m in found}:
        assert importlib.util.find_spec(module) is not None, module
    image = "postflow:dev" if overlay == "dev" else "registry.example.com/postflow:0.15.0"
    for name, deployment in deployments.items():
        pod = deployment["spec"]["template"]["spec"]
        for container in [*pod.get("initContainers", []), *pod["containers"]]:
            assert container["image"] == image, name


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_probes_and_services_use_the_ports_the_settings_give(rendered, overlay):
    deployments = _of(rendered[overlay], "Deployment")
    services = _of(rendered[overlay], "Service")
    for name, setting in GRPC_PORTS.items():
        container = _container(deployments[name])
        port = default(setting)
        assert container["ports"][0] == {"name": "grpc", "containerPort": port}
        for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
            assert container[probe]["grpc"] == {"port": port}, (name, probe)
        assert services[name]["spec"]["ports"][0]["port"] == port
    for name, setting in HTTP_PORTS.items():
        container = _container(deployments[name])
        assert {"name": "http", "containerPort": default(setting)} in container["ports"]
        assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
        assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
    assert {"name": "grpc", "containerPort": default("realtime_grpc_port")} in _container(
        deployments["realtime"]
    )["ports"]
    worker = _container(deployments["worker"])["livenessProbe"]["exec"]["command"]
    assert worker == ["python", "-m", "lib.common.health_probe", "fresh", "/tmp/postflow-worker-alive"]
    # Every Service selects the pods of a Deployment, by a port name the container has.
    for name, service in services.items():
        pod = deployments[name]["spec"]["template"]
        assert service["spec"]["selector"].items() <= pod["metadata"]["labels"].items()
        names = {p["name"] for p in _container(deployments[name])["ports"]}
        assert {p["targetPort"] for p in service["spec"]["ports"]} <= names


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_process_is_scraped_where_it_serves_its_metrics(rendered, overlay):
    for name, deployment in _of(rendered[overlay], "Deployment").items():
        if name == "graph-simulator":
            continue
        annotations = deployment["spec"]["template"]["metadata"]["annotations"]
        assert annotations["prometheus.io/scrape"] == "true"
        assert annotations["prometheus.io/path"] == "/metrics"
        own_port = HTTP_PORTS.get(name, f"{name}_metrics_port")
        assert int(annotations["prometheus.io/port"]) == default(own_port), name
        declared = {p["containerPort"] for p in _container(deployment)["ports"]}
        assert default(own_port) in declared, name
    # Prometheus may reach them, and only from its own namespace.
    [rule] = _of(rendered[overlay], "NetworkPolicy")["from-prometheus"]["spec"]["ingress"]
    assert rule["from"] == [
        {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}}
    ]
    ports = {p["port"] for p in rule["ports"]}
    assert ports == {"metrics", "sdk-metrics", default("gateway_port"), default("realtime_port")}


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_settings_are_postflow_settings_and_secrets_stay_out_of_the_config_map(rendered, overlay):
    [config] = _of(rendered[overlay], "ConfigMap").values()
    assert set(config["data"]) <= SETTINGS, set(config["data"]) - SETTINGS
    assert not set(config["data"]) & SECRET_SETTINGS
    secrets = _of(rendered[overlay], "Secret")
    [settings_secret] = [s for name, s in secrets.items() if name.startswith("postflow-secrets-")]
    assert set(settings_secret["data"]) <= SECRET_SETTINGS
    assert {"POSTFLOW_DATABASE_URL", "POSTFLOW_NATS_URL"} <= set(settings_secret["data"])
    # Every container is given the settings, and of the Secret only its own process's
    # secrets (lib/common/process_secrets.py), by the names the generators gave them.
    for deployment in _of(rendered[overlay], "Deployment").values():
        if deployment["metadata"]["name"] == "graph-simulator":
            continue
        pod = deployment["spec"]["template"]["spec"]
        for container in [*pod.get("initContainers", []), *pod["containers"]]:
            assert container["envFrom"] == [{"configMapRef": {"name": config["metadata"]["name"]}}]
            env = {one["name"]: one for one in container["env"]}
            process = env["POSTFLOW_PROCESS"]["value"]
            given = {name for name, one in env.items() if "secretKeyRef" in one.get("valueFrom", {})}
            assert given == {f"POSTFLOW_{name.upper()}" for name in SECRETS_OF[process]}, container["name"]
            for name in given:
                assert env[name]["valueFrom"]["secretKeyRef"]["name"] == settings_secret["metadata"]["name"]
                assert env[name]["valueFrom"]["secretKeyRef"]["key"] == name
        # Each container is the process it says it is.
        assert pod["containers"][0]["env"][0] == {
            "name": "POSTFLOW_PROCESS",
            "value": deployment["metadata"]["name"],
        }


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_each_process_holds_its_own_private_key_and_every_public_key(rendered, overlay):
    [keys_secret] = [s for n, s in _of(rendered[overlay], "Secret").items() if "service-keys" in n]
    publics = {f"{i}.pub" for i in service_identity.IDENTITIES}
    assert set(keys_secret["data"]) == publics | {f"{i}.key" for i in service_identity.IDENTITIES}
    for name, deployment in _of(rendered[overlay], "Deployment").items():
        if name == "graph-simulator":
            continue
        volumes = deployment["spec"]["template"]["spec"]["volumes"]
        [volume] = [v for v in volumes if v["name"] == "service-keys"]
        assert volume["secret"]["secretName"] == keys_secret["metadata"]["name"]
        assert {item["key"] for item in volume["secret"]["items"]} == publics | {f"{name}.key"}
        assert volume["secret"]["defaultMode"] == 0o440
        mount = [m for m in _container(deployment)["volumeMounts"] if m["name"] == "service-keys"]
        assert mount[0]["mountPath"] == "/run/postflow/service-keys" and mount[0]["readOnly"] is True


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_pod_runs_locked_down_with_requests_and_limits(rendered, overlay):
    for workload in _of(rendered[overlay], "Deployment").values():
        pod = workload["spec"]["template"]["spec"]
        assert pod["automountServiceAccountToken"] is False, workload["metadata"]["name"]
        assert pod["securityContext"]["runAsNonRoot"] is True, workload["metadata"]["name"]
        # What the namespaces' "restricted" Pod Security Standard requires besides.
        assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault", workload["metadata"][
            "name"
        ]
        for container in [*pod.get("initContainers", []), *pod["containers"]]:
            name = f"{workload['metadata']['name']}/{container['name']}"
            assert container["securityContext"]["readOnlyRootFilesystem"] is True, name
            assert container["securityContext"]["allowPrivilegeEscalation"] is False, name
            assert container["securityContext"]["capabilities"]["drop"] == ["ALL"], name
            assert set(container["resources"]["requests"]) == {"cpu", "memory"}, name
            assert set(container["resources"]["limits"]) == {"cpu", "memory"}, name
            if not name.startswith("graph-simulator"):
                mounts = {m["mountPath"] for m in container["volumeMounts"]}
                assert "/tmp" in mounts, name


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_gateway_realtime_and_worker_autoscale_and_every_process_has_a_disruption_budget(
    rendered, overlay
):
    deployments = _of(rendered[overlay], "Deployment")
    autoscalers = _of(rendered[overlay], "HorizontalPodAutoscaler").values()
    scaled = {h["spec"]["scaleTargetRef"]["name"] for h in autoscalers}
    assert scaled == {"gateway", "realtime", "worker"}
    budgets = _of(rendered[overlay], "PodDisruptionBudget")
    for name, deployment in deployments.items():
        if name == "graph-simulator":
            continue
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert budgets[name]["spec"]["selector"]["matchLabels"].items() <= labels.items()
    minimum = 2 if overlay == "prod" else 1
    for hpa in _of(rendered[overlay], "HorizontalPodAutoscaler").values():
        assert hpa["spec"]["minReplicas"] == minimum
    for name, deployment in deployments.items():
        if name in scaled:
            # The autoscaler owns the count: a value here would reset it at every apply.
            assert "replicas" not in deployment["spec"], name
        elif name != "graph-simulator":
            assert deployment["spec"]["replicas"] == minimum, name


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_grpc_services_are_headless_so_round_robin_reaches_every_replica(rendered, overlay):
    services = _of(rendered[overlay], "Service")
    for name in ("users", "posts", "scheduler", "media"):
        assert services[name]["spec"]["clusterIP"] == "None", name


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_each_overlay_makes_its_namespace_under_the_restricted_pod_security_standard(rendered, overlay):
    [namespace] = _of(rendered[overlay], "Namespace").values()
    named = {o["metadata"].get("namespace") for o in rendered[overlay] if o["kind"] != "Namespace"}
    assert named == {namespace["metadata"]["name"]}
    assert namespace["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] == "restricted"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_ingress_routes_the_api_and_docs_to_the_gateway_and_the_websocket_to_realtime(rendered, overlay):
    [ingress] = _of(rendered[overlay], "Ingress").values()
    [rule] = ingress["spec"]["rules"]
    routes = {p["path"]: p["backend"]["service"]["name"] for p in rule["http"]["paths"]}
    assert routes["/api"] == routes["/docs"] == routes["/openapi.json"] == routes["/"] == "gateway"
    assert routes["/ws"] == "realtime"
    annotations = ingress["metadata"]["annotations"]
    # The socket outlives many heartbeats, and uploads are not cut at nginx's default 1 MB.
    timeout = int(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"])
    assert timeout >= 100 * default("realtime_heartbeat_seconds")
    assert annotations["nginx.ingress.kubernetes.io/proxy-body-size"] == "1100m"
    assert default("media_max_video_bytes") < 1100 * 1024 * 1024
    if overlay == "prod":
        assert ingress["spec"]["tls"][0]["hosts"] == [rule["host"]]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_only_the_gateway_and_the_websocket_are_reachable_from_outside(rendered, overlay):
    policies = _of(rendered[overlay], "NetworkPolicy")
    deny = policies["default-deny-ingress"]["spec"]
    assert deny == {"podSelector": {}, "policyTypes": ["Ingress"]}
    outside = [
        policy
        for name, policy in policies.items()
        for rule in policy["spec"].get("ingress", [])
        if any("namespaceSelector" in source for source in rule["from"]) and name != "from-prometheus"
    ]
    [from_ingress] = outside
    [selector] = from_ingress["spec"]["podSelector"]["matchExpressions"]
    assert selector["values"] == ["gateway", "realtime"]
    ports = {p["port"] for rule in from_ingress["spec"]["ingress"] for p in rule["ports"]}
    assert ports == {default("gateway_port"), default("realtime_port")}
    # Inside the namespace, every Postflow pod (the simulator in dev too) is in the group
    # that may reach the others.
    inside = policies["between-postflow-processes"]["spec"]
    for deployment in _of(rendered[overlay], "Deployment").values():
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert inside["podSelector"]["matchLabels"].items() <= labels.items()


def _reaching(policy: dict) -> set[str]:
    [selector] = policy["spec"]["podSelector"].get("matchExpressions", [None]) or [None]
    if selector is None:
        return {policy["spec"]["podSelector"]["matchLabels"]["app.kubernetes.io/name"]}
    assert selector["operator"] == "In"
    return set(selector["values"])


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_each_process_reaches_only_the_engines_it_uses(rendered, overlay):
    """Egress is denied but for DNS, each other, and per process what its secrets say it uses
    (lib/common/process_secrets.py): the database, NATS, MinIO; Temporal (no login) only
    from the scheduler and the worker; the internet only from those that mail or call Meta."""
    policies = _of(rendered[overlay], "NetworkPolicy")
    assert policies["default-deny-egress"]["spec"] == {"podSelector": {}, "policyTypes": ["Egress"]}
    processes = [p for p in SECRETS_OF if p not in ("migrate", "temporal-namespace")]

    def holding(*secrets: str) -> set[str]:
        return {p for p in processes if SECRETS_OF[p] & set(secrets)}

    engines = {
        "to-postgresql": ("postgresql", 5432, holding("database_url")),
        "to-nats": ("nats", 4222, holding("nats_url")),
        "to-minio": ("minio", 9000, holding("s3_access_key")),
        "to-temporal": ("temporal", 7233, {"scheduler", "worker"}),
    }
    for name, (namespace, port, expected) in engines.items():
        policy = policies[name]
        assert _reaching(policy) == expected, name
        [rule] = policy["spec"]["egress"]
        assert rule["to"] == [
            {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": namespace}}}
        ]
        assert rule["ports"] == [{"port": port, "protocol": "TCP"}], name
    internet = policies["to-the-internet"]
    assert _reaching(internet) == holding("smtp_password", "meta_app_secret") | {"realtime"}
    [rule] = internet["spec"]["egress"]
    [block] = rule["to"]
    assert block["ipBlock"]["cidr"] == "0.0.0.0/0"
    assert {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"} <= set(block["ipBlock"]["except"])
    # No other policy lets anything out.
    allowed = set(engines) | {"to-the-internet", "to-dns-and-each-other"}
    assert {n for n, p in policies.items() if p["spec"].get("egress")} == allowed


def test_the_grafana_dashboard_charts_only_metrics_postflow_exports():
    dashboard = json.loads((ROOT / "deploy" / "grafana-dashboard.json").read_text())
    exported = {
        family.name
        for m in vars(metrics).values()
        if isinstance(m, MetricWrapperBase)
        for family in m.describe()
    }
    charted = set()
    for panel in dashboard["panels"]:
        for target in panel["targets"]:
            charted |= {
                re.sub(r"_(bucket|count|sum|total)$", "", n)
                for n in re.findall(r"postflow_\w+", target["expr"])
            }
    # Every metric is on the dashboard, and the dashboard charts nothing that does not exist.
    assert charted == exported, (charted - exported, exported - charted)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_prometheus_may_reach_every_metrics_port_a_container_declares(rendered, overlay):
    [policy] = [
        p
        for p in _of(rendered[overlay], "NetworkPolicy").values()
        if p["metadata"]["name"] == "from-prometheus"
    ]
    allowed = {port["port"] for rule in policy["spec"]["ingress"] for port in rule["ports"]}
    for deployment in _of(rendered[overlay], "Deployment").values():
        for port in _container(deployment).get("ports", []):
            if "metrics" in port.get("name", ""):
                assert port["name"] in allowed, (deployment["metadata"]["name"], port)


def test_postgresql_has_a_connection_for_every_pool_at_its_most(rendered):
    """Every pod that can open connections, at its most (prod; autoscaled ones at their
    maximum): Postflow's two pools per process, Temporal's server pods, a reserve for
    operators. Over max_connections, a burst would be refused connections."""
    external = ROOT / "deploy" / "external"
    postgresql = yaml.safe_load((external / "postgresql-values.yaml").read_text())
    configured = dict(
        line.split(" = ") for line in postgresql["primary"]["extendedConfiguration"].strip().splitlines()
    )
    max_connections = int(configured["max_connections"])
    [config] = _of(rendered["prod"], "ConfigMap").values()
    per_pool = int(config["data"]["POSTFLOW_DATABASE_POOL_SIZE"]) + int(
        config["data"]["POSTFLOW_DATABASE_MAX_OVERFLOW"]
    )
    most = {
        h["spec"]["scaleTargetRef"]["name"]: h["spec"]["maxReplicas"]
        for h in _of(rendered["prod"], "HorizontalPodAutoscaler").values()
    }
    users_of_the_database = {p for p, secrets in SECRETS_OF.items() if "database_url" in secrets} - {
        "migrate"
    }
    postflow = 0
    for name, deployment in _of(rendered["prod"], "Deployment").items():
        if name in users_of_the_database:
            postflow += most.get(name, deployment["spec"].get("replicas", 1)) * 2 * per_pool
    temporal = yaml.safe_load((external / "temporal-values.yaml").read_text())["server"]
    stores = temporal["config"]["persistence"]["datastores"]
    per_server_pod = sum(store["sql"]["maxConns"] for store in stores.values())
    server_pods = sum(
        temporal[role]["replicaCount"] for role in ("frontend", "history", "matching", "worker")
    )
    reserve = int(configured["superuser_reserved_connections"]) + 20  # psql, backups, migrations
    assert postflow + server_pods * per_server_pod + reserve <= max_connections, (
        postflow,
        server_pods * per_server_pod,
    )


def test_the_engines_charts_are_pinned_and_temporal_values_use_the_1x_chart_format():
    """The documented installs name a chart version (an unpinned install took the newest
    chart, whose keys the values no longer matched), and Temporal's values are in the 1.x
    chart's format: the server's own persistence config, no sub-chart keys."""
    readme = (ROOT / "deploy" / "external" / "README.md").read_text()
    installs = [line for line in readme.splitlines() if line.startswith("helm install")]
    assert len(installs) == 5  # the four engines, and the traces' collector
    for line in installs:
        assert re.search(r"--version \S+", line), line
    values = yaml.safe_load((ROOT / "deploy" / "external" / "temporal-values.yaml").read_text())
    assert not {"cassandra", "mysql", "postgresql", "elasticsearch", "prometheus", "grafana"} & set(values)
    persistence = values["server"]["config"]["persistence"]
    assert persistence["defaultStore"] == "default" and persistence["visibilityStore"] == "visibility"
    for store in persistence["datastores"].values():
        sql = store["sql"]
        assert sql["pluginName"] == sql["driverName"] == "postgres12"
        assert sql["connectAddr"] == "postgresql.postgresql.svc:5432"
        assert "password" not in sql and sql["existingSecret"]


def test_the_pod_monitor_scrapes_every_metrics_port_the_pods_declare(rendered):
    """deploy/monitoring (for the Prometheus Operator) names the ports every Postflow pod
    serves /metrics on, the same the NetworkPolicy lets Prometheus reach."""
    [monitor] = kustomize.render(ROOT / "deploy" / "monitoring")
    assert monitor["kind"] == "PodMonitor"
    scraped = {endpoint["port"] for endpoint in monitor["spec"]["podMetricsEndpoints"]}
    for name, deployment in _of(rendered["prod"], "Deployment").items():
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert monitor["spec"]["selector"]["matchLabels"].items() <= labels.items(), name
        annotations = deployment["spec"]["template"]["metadata"]["annotations"]
        ports = {p["containerPort"]: p["name"] for p in _container(deployment)["ports"]}
        # The port its prometheus.io annotation names is one the PodMonitor scrapes.
        assert ports[int(annotations["prometheus.io/port"])] in scraped, name
