"""The reflections service's discussion (reflections, feedback, comments, prompts) as the gateway calls it."""
from __future__ import annotations

from chassis.context import Principal
from gateway.clients.service import ServiceClient
from skillfolio.reflections.v1 import reflections_pb2 as pb
from skillfolio.reflections.v1 import reflections_pb2_grpc


class ReflectionsClient(ServiceClient):
    """ReflectionsService, one method per RPC the gateway uses: ``await facade.rpc_name(principal, request)``."""

    stub_class = reflections_pb2_grpc.ReflectionsServiceStub

    async def get_discussion(self, principal: Principal, request: pb.GetDiscussionRequest) -> pb.GetDiscussionResponse:
        return await self.invoke(self.stub.GetDiscussion, request, principal)

    async def list_prompts(self, principal: Principal, request: pb.ListPromptsRequest) -> pb.ListPromptsResponse:
        return await self.invoke(self.stub.ListPrompts, request, principal)

    async def add_reflection(self, principal: Principal, request: pb.AddReflectionRequest) -> pb.AddReflectionResponse:
        return await self.invoke(self.stub.AddReflection, request, principal)

    async def edit_reflection(self, principal: Principal,
                              request: pb.EditReflectionRequest) -> pb.EditReflectionResponse:
        return await self.invoke(self.stub.EditReflection, request, principal)

    async def complete_reflection_upload(
            self, principal: Principal, request: pb.CompleteReflectionUploadRequest
    ) -> pb.CompleteReflectionUploadResponse:
        return await self.invoke(self.stub.CompleteReflectionUpload, request, principal)

    async def give_feedback(self, principal: Principal, request: pb.GiveFeedbackRequest) -> pb.GiveFeedbackResponse:
        return await self.invoke(self.stub.GiveFeedback, request, principal)

    async def add_comment(self, principal: Principal, request: pb.AddCommentRequest) -> pb.AddCommentResponse:
        return await self.invoke(self.stub.AddComment, request, principal)

    async def hide_comment(self, principal: Principal, request: pb.HideCommentRequest) -> pb.HideCommentResponse:
        return await self.invoke(self.stub.HideComment, request, principal)

    async def define_prompt(self, principal: Principal, request: pb.DefinePromptRequest) -> pb.DefinePromptResponse:
        return await self.invoke(self.stub.DefinePrompt, request, principal)

    async def update_prompt(self, principal: Principal, request: pb.UpdatePromptRequest) -> pb.UpdatePromptResponse:
        return await self.invoke(self.stub.UpdatePrompt, request, principal)

    async def retire_prompt(self, principal: Principal, request: pb.RetirePromptRequest) -> pb.RetirePromptResponse:
        return await self.invoke(self.stub.RetirePrompt, request, principal)
