package org.lrms.circulation.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lrms.events.Topics;
import org.lrms.events.circulation.SiteUpserted;
import org.lrms.kit.outbox.Outbox;
import org.lrms.kit.problem.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class SiteService {

    /**
     * A site code as entered (any case; stored upper case): 2 to 20 letters, digits, '-' or '_', beginning with a
     * letter or digit. Reporting takes no other ({@code SiteDirectory.isSiteCode}): the events of a site whose code
     * began with '-' or '_' would be dead-lettered there.
     */
    public static final String CODE = "[A-Za-z0-9][A-Za-z0-9_-]{1,19}";

    /** What {@link #CODE} asks for, in a refusal. */
    public static final String CODE_RULE =
            "must be 2 to 20 letters, digits, '-' or '_', beginning with a letter or digit";

    @Inject
    Outbox outbox;

    public List<Site> list() {
        return Site.listAll(io.quarkus.panache.common.Sort.by("code"));
    }

    public Site get(String code) {
        Site site = Site.findById(normalize(code));
        if (site == null) {
            throw ProblemException.notFound("site", code);
        }
        return site;
    }

    @Transactional
    public Site create(SiteRequest request) {
        if (request.code() == null) {
            throw ProblemException.badRequest("code", "must not be blank");
        }
        String code = normalize(request.code());
        if (Site.findById(code) != null) {
            throw ProblemException.conflict("site-exists", "site " + code + " exists already");
        }
        return upsert(code, request.name().strip(), request.siteType(), null,
                request.active() == null || request.active());
    }

    @Transactional
    public Site update(String code, SiteRequest request) {
        Site site = get(code);
        if (request.code() != null && !normalize(request.code()).equals(site.code)) {
            throw ProblemException.badRequest("code", "a site's code cannot change");
        }
        return upsert(site.code, request.name().strip(), request.siteType(), site.sourcedId,
                request.active() == null ? site.active : request.active());
    }

    /** Creates or changes a site and publishes it; the roster import uses it for OneRoster orgs. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Site upsert(String code, String name, String siteType, String sourcedId, boolean active) {
        Site site = Site.findById(code);
        Instant now = Instant.now();
        if (site == null) {
            site = new Site();
            site.code = code;
            site.createdAt = now;
        }
        site.name = name;
        site.siteType = siteType.toUpperCase(Locale.ROOT);
        site.sourcedId = sourcedId;
        site.active = active;
        site.updatedAt = now;
        site.persist();
        outbox.publish(Topics.CIRCULATION_SITES, site.code, site.code,
                new SiteUpserted(site.code, site.name, site.siteType, site.sourcedId, site.active));
        return site;
    }

    public static String normalize(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }
}
