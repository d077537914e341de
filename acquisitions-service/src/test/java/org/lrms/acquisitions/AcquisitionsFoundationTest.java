package org.lrms.acquisitions;

import io.quarkus.test.junit.QuarkusTest;
import org.lrms.testkit.ServiceFoundationContract;

@QuarkusTest
class AcquisitionsFoundationTest extends ServiceFoundationContract {
}
