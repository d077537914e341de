package org.lrms.circulation.patron.photo;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The names in a school-photo vendor's zip, plain JUnit. */
class PhotoNamesTest {

    @Test
    void anEntryNamesItsPatronByBarcodeInAnyFolderAndAnyCaseOfExtension() {
        assertEquals(Optional.of("P1001"), PhotoNames.barcodeOf("P1001.jpg"));
        assertEquals(Optional.of("P1001"), PhotoNames.barcodeOf("Lincoln/Grade 9/P1001.JPEG"));
        assertEquals(Optional.of("p-1002"), PhotoNames.barcodeOf("photos\\p-1002.Png"));
        assertEquals(Optional.of("2100045.a"), PhotoNames.barcodeOf("2100045.a.jpg"));
    }

    @Test
    void otherNamesNameNoPatron() {
        assertEquals(Optional.empty(), PhotoNames.barcodeOf("P1001.gif"));
        assertEquals(Optional.empty(), PhotoNames.barcodeOf("P1001"));
        assertEquals(Optional.empty(), PhotoNames.barcodeOf("index.txt"));
        assertEquals(Optional.empty(), PhotoNames.barcodeOf("folder/.jpg"));
        assertEquals(Optional.empty(), PhotoNames.barcodeOf("Ana Lopez.jpg"));
        assertEquals(Optional.empty(), PhotoNames.barcodeOf("x".repeat(41) + ".png"));
    }

    @Test
    void whatArchiversAddIsIgnored() {
        assertTrue(PhotoNames.ignored("__MACOSX/photos/._P1001.jpg"));
        assertTrue(PhotoNames.ignored("photos/__MACOSX/P1001.jpg"));
        assertTrue(PhotoNames.ignored("photos/._P1001.jpg"));
        assertTrue(PhotoNames.ignored(".DS_Store"));
        assertTrue(PhotoNames.ignored("photos/Thumbs.db"));
        assertFalse(PhotoNames.ignored("photos/P1001.jpg"));
        assertFalse(PhotoNames.ignored("readme.txt"));
    }
}
