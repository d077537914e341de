package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.lrms.catalog.copy.ShelfKey;

/**
 * Shelf keys once more, as V9 did, for Library of Congress call numbers written with a space after the class letters
 * and no dotted cutter ({@code QA 76.73 J38}, {@code QA 76}), which {@link ShelfKey} now reads as LC instead of a
 * prefix and a Dewey number. Only the rows whose key changes are written.
 */
public class V12__shelf_keys_lc_spaced_undotted extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        V9__shelf_keys_recomputed.recompute(context.getConnection(), "copy");
        V9__shelf_keys_recomputed.recompute(context.getConnection(), "inventory_result");
    }
}
