package org.lrms.circulation;

import io.quarkus.test.junit.QuarkusTest;
import org.lrms.testkit.ServiceFoundationContract;

@QuarkusTest
class CirculationFoundationTest extends ServiceFoundationContract {
}
