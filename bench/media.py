"""`make bench` (media): how long media takes to become Instagram-ready, and at what memory.

(a) a 12-megapixel JPEG to the Instagram-ready JPEG + thumbnail: the pipeline alone (in a
fresh process: seconds, peak memory) and an upload through the API (the image is ready in
the answer); (b) a 60 s 1080p H.264/AAC video (what most phones record) and (c) the same
minute in HEVC (iPhones' default), each to an Instagram reel + thumbnail: the conversion
alone (seconds, ffmpeg's peak memory) and from the upload's first byte to `ready` through
the API; (d) memory bombs (long strips of 80 MP, a few KB each) uploaded eight at a time,
with the media service's peak memory. Prints numbers; asserts nothing.
"""

import argparse
import asyncio
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import imageio_ffmpeg
from PIL import Image, ImageDraw, ImageFilter

from bench.harness import RESULTS, running_system, save
from bench.stats import percentile

FFMPEG = imageio_ffmpeg.get_ffmpeg_exe()
INPUTS = RESULTS / "inputs"


def photo(path: Path) -> Path:
    """4000 x 3000 with smooth areas, edges and sensor-like noise, saved as a camera would."""
    if path.exists():
        return path
    base = Image.linear_gradient("L").resize((4000, 3000)).convert("RGB")
    draw = ImageDraw.Draw(base)
    for n in range(60):
        x, y = (n * 397) % 3800, (n * 211) % 2800
        draw.ellipse((x, y, x + 300, y + 200), fill=((n * 40) % 255, (n * 90) % 255, (n * 150) % 255))
    noise = Image.effect_noise((4000, 3000), 40).convert("RGB")
    Image.blend(base.filter(ImageFilter.SMOOTH), noise, 0.3).save(path, "JPEG", quality=92)
    return path


def minute_of_video(path: Path, codec: str) -> Path:
    if path.exists():
        return path
    encoder = ["-c:v", "libx264", "-preset", "ultrafast", "-b:v", "10M"]
    if codec == "hevc":
        encoder = [
            "-c:v",
            "libx265",
            "-preset",
            "ultrafast",
            "-b:v",
            "8M",
            "-tag:v",
            "hvc1",
            "-x265-params",
            "log-level=error",
        ]
    subprocess.run(
        [FFMPEG, "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30:duration=60",
         "-f", "lavfi", "-i", "sine=frequency=440:duration=60:sample_rate=48000",
         "-vf", "noise=alls=6:allf=t", *encoder, "-pix_fmt", "yuv420p", "-c:a", "aac", "-ar", "48000",
         "-shortest", "-y", str(path)],
        check=True,
    )  # fmt: skip
    return path


def job(kind: str, source: str) -> None:
    """Run in a fresh process (--job): one conversion, its time and peak memory as JSON."""
    from services.media import images, probe, video  # noqa: PLC0415

    folder = Path(tempfile.mkdtemp(prefix="postflow-bench-media-"))
    baseline = _peak_mb()
    started = time.perf_counter()
    if kind == "image":
        images.prepare(
            Path(source), "jpeg", operations=[], logo=None, fit="pad", out=folder / "ready.jpg",
            thumbnail=folder / "thumb.jpg", max_width=1080, min_width=320, max_pixels=80_000_000,
        )  # fmt: skip
    else:

        async def convert() -> None:
            facts = await probe.probe(Path(source), 30)
            out = folder / "instagram.mp4"
            cut = video.Cut()
            await video.run(
                video.transcode_args(Path(source), out, facts, cut, False),
                limit_seconds=1800,
                duration=facts.duration,
            )
            await video.run(video.thumbnail_args(out, folder / "thumb.jpg", 1.0), limit_seconds=60)

        asyncio.run(convert())
    seconds = time.perf_counter() - started
    # ru_maxrss of children counts what a child inherited before exec (this process's own
    # size), so for ffmpeg it is an upper bound.
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = {"seconds": round(seconds, 3), "python_peak_mb": _peak_mb(), "python_before_mb": baseline}
    if kind == "video":
        result["ffmpeg_peak_mb_at_most"] = round(children / 1024, 1)
    print(json.dumps(result))


def _peak_mb() -> float:
    """This process's peak resident memory (VmHWM: its own, not inherited across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def in_fresh_process(kind: str, source: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "bench.media", "--job", kind, str(source)], check=True, capture_output=True
    )
    return json.loads(out.stdout)


def through_api(base_url: str, files: dict[str, Path], photo_rounds: int) -> dict:
    client = httpx.Client(base_url=base_url, timeout=600)
    email = f"bench-media-{time.time_ns()}@example.com"
    token = client.post("/api/v1/auth/register", json={"email": email, "password": "bench password"}).json()
    client.headers["Authorization"] = f"Bearer {token['access_token']}"
    results = {}
    photo_seconds = []
    content = files["photo"].read_bytes()
    for _ in range(photo_rounds):
        started = time.perf_counter()
        reply = client.post("/api/v1/media/upload", files={"file": ("photo.jpg", content, "image/jpeg")})
        photo_seconds.append(time.perf_counter() - started)
        assert reply.status_code == 201, reply.text
    results["photo_upload_seconds"] = {
        "p50": round(percentile(photo_seconds, 50), 3),
        "max": round(max(photo_seconds), 3),
        "rounds": photo_rounds,
        "bytes": len(content),
    }
    for name in ("h264", "hevc"):
        content = files[name].read_bytes()
        started = time.perf_counter()
        reply = client.post("/api/v1/media/upload", files={"file": (f"{name}.mp4", content, "video/mp4")})
        answered = time.perf_counter() - started
        assert reply.status_code == 201, reply.text
        item = reply.json()["items"][0]
        while item["status"] == "processing":
            time.sleep(0.2)
            item = client.get(f"/api/v1/media/{item['id']}").json()
        results[f"video_{name}"] = {
            "status": item["status"],
            "upload_answered_seconds": round(answered, 3),
            "ready_seconds": round(time.perf_counter() - started, 3),
            "input_bytes": len(content),
            "output_bytes": item["size_bytes"],
        }
    return results


def bombs(base_url: str, media_pid: int) -> dict:
    """Pictures built to exhaust memory (a few KB each, 80 MP decoded), 16 uploaded 8 at a
    time: how long they take, and the media service's peak resident memory before and after."""
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

    def peak_mb() -> float:
        for line in Path(f"/proc/{media_pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
        return 0.0

    strips = []
    for size in ((80_000, 1000), (1000, 80_000)):
        path = INPUTS / f"strip_{size[0]}x{size[1]}.png"
        if not path.exists():
            Image.new("RGB", size, (30, 90, 160)).save(path)
        strips.append(path.read_bytes())
    client_email = f"bench-bombs-{time.time_ns()}@example.com"
    client = httpx.Client(base_url=base_url, timeout=600)
    token = client.post("/api/v1/auth/register", json={"email": client_email, "password": "bench password"})
    client.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
    before = peak_mb()

    def send(content: bytes) -> int:
        return client.post(
            "/api/v1/media/upload", files={"file": ("s.png", content, "image/png")}
        ).status_code

    started = time.perf_counter()
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(send, strips * 8))
    return {
        "uploads": len(statuses),
        "answered_201": statuses.count(201),
        "input_bytes": [len(c) for c in strips],
        "seconds": round(time.perf_counter() - started, 2),
        "media_service_peak_mb_before": before,
        "media_service_peak_mb_after": peak_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--job", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="fewer photo rounds")
    args = parser.parse_args()
    if args.job:
        job(*args.job)
        return
    INPUTS.mkdir(parents=True, exist_ok=True)
    print("making inputs (once; kept in .data/bench/inputs) ...")
    files = {
        "photo": photo(INPUTS / "photo_12mp.jpg"),
        "h264": minute_of_video(INPUTS / "minute_1080p_h264.mp4", "h264"),
        "hevc": minute_of_video(INPUTS / "minute_1080p_hevc.mp4", "hevc"),
    }
    results: dict = {"pipeline": {}}
    rounds = 1 if args.quick else 3
    for name, kind in (("photo", "image"), ("h264", "video"), ("hevc", "video")):
        runs = [in_fresh_process(kind, files[name]) for _ in range(rounds)]
        best = min(runs, key=lambda r: r["seconds"])
        results["pipeline"][name] = {**best, "all_seconds": [r["seconds"] for r in runs]}
        print(f"{name:6} pipeline: {best}")
    with running_system() as (running, _):
        results["api"] = through_api(running.base_url, files, 3 if args.quick else 10)
        results["bombs"] = bombs(running.base_url, running.processes["media"].pid)
    print(json.dumps(results["api"], indent=2))
    print("memory bombs:", json.dumps(results["bombs"]))
    save("media", results)


if __name__ == "__main__":
    main()
