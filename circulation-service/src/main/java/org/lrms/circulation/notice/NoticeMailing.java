package org.lrms.circulation.notice;

import java.util.List;
import java.util.UUID;

/**
 * Hands pending notices to the mail server one at a time. Each notice is claimed (marked e-mailed) before its mail
 * goes, so two runs at once (the daily run on two instances, or staff sending while it runs) never send one twice;
 * a notice the server does not take is released and ends the run: the ones before it stay e-mailed, that one and
 * the rest stay pending for the next run. Notices without an address are left for the printed slips.
 */
final class NoticeMailing {

    /** Sends one notice's mail; throws when the mail server does not take it. */
    interface Post {
        void send(NoticeView notice);
    }

    /** Marks notices e-mailed: {@code claim} answers false when another run has the notice already. */
    interface Marks {
        boolean claim(UUID noticeId);

        void release(UUID noticeId);
    }

    /** What a run did: mails the server took, and the cause that stopped it ({@code null} when none did). */
    record Outcome(int sent, int left, RuntimeException stoppedBy) {
    }

    private NoticeMailing() {
    }

    static Outcome send(List<NoticeView> pending, Post post, Marks marks) {
        List<NoticeView> withAddress = pending.stream().filter(n -> n.email() != null && !n.email().isBlank()).toList();
        int sent = 0;
        for (int i = 0; i < withAddress.size(); i++) {
            NoticeView notice = withAddress.get(i);
            if (!marks.claim(notice.id())) {
                continue;
            }
            try {
                post.send(notice);
            } catch (RuntimeException e) {
                marks.release(notice.id());
                return new Outcome(sent, withAddress.size() - i, e);
            }
            sent++;
        }
        return new Outcome(sent, 0, null);
    }
}
