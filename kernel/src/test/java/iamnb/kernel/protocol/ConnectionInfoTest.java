package iamnb.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConnectionInfoTest {
    private final ObjectMapper json = new ObjectMapper();

    private ConnectionInfo parse(String text) throws Exception {
        return ConnectionInfo.fromJson(json.readTree(text), "test.json");
    }

    @Test
    void endpoint_whenTcp_thenHostAndPort() throws Exception {
        ConnectionInfo info = parse("{\"transport\":\"tcp\",\"ip\":\"127.0.0.1\",\"shell_port\":1,\"control_port\":2,"
                + "\"iopub_port\":3,\"stdin_port\":4,\"hb_port\":5,\"key\":\"k\",\"signature_scheme\":\"hmac-sha256\"}");
        assertEquals("tcp://127.0.0.1:1", info.endpoint(info.shellPort()));
        assertEquals("tcp://127.0.0.1:5", info.endpoint(info.heartbeatPort()));
    }

    @Test
    void endpoint_whenIpc_thenPathDashNumber() throws Exception {
        ConnectionInfo info = parse("{\"transport\":\"ipc\",\"ip\":\"/tmp/kernel-x\",\"shell_port\":1,\"control_port\":2,"
                + "\"iopub_port\":3,\"stdin_port\":4,\"hb_port\":5,\"key\":\"\"}");
        assertEquals("ipc:///tmp/kernel-x-3", info.endpoint(info.iopubPort()));
    }

    @Test
    void unsignedWarning_whenKeyEmpty_thenWarnsAndSaysNetworkForAnInterface() throws Exception {
        String ports = "\"shell_port\":1,\"control_port\":2,\"iopub_port\":3,\"stdin_port\":4,\"hb_port\":5";
        ConnectionInfo signed = parse("{\"ip\":\"0.0.0.0\"," + ports + ",\"key\":\"k\"}");
        assertTrue(signed.unsignedWarning().isEmpty());
        String local = parse("{\"ip\":\"127.0.0.1\"," + ports + ",\"key\":\"\"}").unsignedWarning().orElseThrow();
        assertTrue(local.contains("not signed") && !local.contains("network"), local);
        String remote = parse("{\"ip\":\"0.0.0.0\"," + ports + ",\"key\":\"\"}").unsignedWarning().orElseThrow();
        assertTrue(remote.contains("0.0.0.0") && remote.contains("from the network"), remote);
    }

    @Test
    void read_whenPortMissing_thenErrorNamesField() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> parse(
                "{\"transport\":\"tcp\",\"ip\":\"127.0.0.1\",\"shell_port\":1,\"control_port\":2,"
                        + "\"iopub_port\":3,\"stdin_port\":4,\"key\":\"\"}"));
        assertTrue(e.getMessage().contains("hb_port"));
    }

    @Test
    void read_whenUnsupportedScheme_thenRejected() {
        ProtocolException e = assertThrows(ProtocolException.class, () -> parse(
                "{\"transport\":\"tcp\",\"ip\":\"127.0.0.1\",\"shell_port\":1,\"control_port\":2,\"iopub_port\":3,"
                        + "\"stdin_port\":4,\"hb_port\":5,\"key\":\"k\",\"signature_scheme\":\"hmac-md5\"}"));
        assertTrue(e.getMessage().contains("hmac-md5"));
    }
}
