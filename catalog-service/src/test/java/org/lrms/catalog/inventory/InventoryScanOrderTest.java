package org.lrms.catalog.inventory;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Batches of one inventory insert their barcodes in one order, whatever order they were scanned in. */
class InventoryScanOrderTest {

    @Test
    void aBatchIsInsertedSortedEachBarcodeOnce() {
        assertArrayEquals(new String[] {"31000000000001", "31000000000002", "31000000000003"},
                InventoryService.inLockOrder(List.of("31000000000003", " 31000000000001", "31000000000002",
                        "31000000000001 ")));
        // two guns scanning the same shelf from either end lock the barcodes alike
        assertArrayEquals(InventoryService.inLockOrder(List.of("B", "A", "C")),
                InventoryService.inLockOrder(List.of("C", "A", "B")));
    }
}
