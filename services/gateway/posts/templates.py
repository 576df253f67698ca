"""/api/v1/templates: named post templates and new drafts made from them."""

from fastapi import APIRouter

from protos import posts_pb2
from services.gateway.deps import CurrentUser, PostsDep
from services.gateway.proto_json import model, to_json

router = APIRouter(prefix="/api/v1/templates", tags=["templates"])


@router.get("", response_model=list[model(posts_pb2.Post)])
async def list_templates(user_id: CurrentUser, posts: PostsDep):
    result = await posts.ListTemplates(posts_pb2.ListTemplatesRequest(user_id=user_id))
    return [to_json(p) for p in result.items]


@router.post("/{template_name}/instantiate", status_code=201, response_model=model(posts_pb2.Post))
async def instantiate(template_name: str, user_id: CurrentUser, posts: PostsDep):
    post = await posts.InstantiateTemplate(
        posts_pb2.InstantiateTemplateRequest(user_id=user_id, template_name=template_name)
    )
    return to_json(post)
