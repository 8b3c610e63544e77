package dev.trellis.console.rest;

import dev.trellis.console.service.PartnerBoardViews;
import dev.trellis.console.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/**
 * A partner user's boards: the seats held for their organisation and the meetings of the boards it sits on
 * today. What a partner may read is the API's decision (its own seats; meetings only while seated).
 */
@Path("/my-boards")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.PARTNER)
public class MyBoardPages {

    @CheckedTemplate(basePath = "myboards")
    static class Templates {
        static native TemplateInstance boards(List<PartnerBoardViews.OwnBoard> boards);

        static native TemplateInstance meeting(PartnerBoardViews.OwnMeeting page);
    }

    private final PartnerBoardViews boards;

    MyBoardPages(PartnerBoardViews boards) {
        this.boards = boards;
    }

    @GET
    public TemplateInstance boards() {
        return Templates.boards(boards.boards());
    }

    @GET
    @Path("{id}/meetings/{meetingId}")
    public TemplateInstance meeting(@PathParam("id") UUID id, @PathParam("meetingId") UUID meetingId) {
        return Templates.meeting(boards.meeting(id, meetingId));
    }
}
