"""/api/v1/templates: named post templates and new drafts made from them."""

from fastapi import APIRouter

from protos import posts_pb2
from services.gateway.deps import PostsDep, Reads, Writes
from services.gateway.proto_json import model, to_json

router = APIRouter(prefix="/api/v1/templates", tags=["templates"])


@router.get("", response_model=list[model(posts_pb2.Post)])
async def list_templates(workspace: Reads, posts: PostsDep):
    result = await posts.ListTemplates(posts_pb2.ListTemplatesRequest(user_id=workspace.id))
    return [to_json(p) for p in result.items]


@router.post("/{template_name}/instantiate", status_code=201, response_model=model(posts_pb2.Post))
async def instantiate(template_name: str, workspace: Writes, posts: PostsDep):
    post = await posts.InstantiateTemplate(
        posts_pb2.InstantiateTemplateRequest(user_id=workspace.id, template_name=template_name)
    )
    return to_json(post)
