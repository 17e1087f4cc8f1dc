package iamnb.source.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.model.AccountSnapshot;
import iamnb.model.MfaDevice;
import iamnb.source.SnapshotFiles;
import iamnb.source.internal.JsonAt;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mfa-devices.json}: {@code aws iam list-mfa-devices} entries for all users in one list, or {@code aws iam
 * list-virtual-mfa-devices} (a device assigned to no one is skipped), or the folder {@code mfa-devices/*.json}.
 */
final class MfaDevicesCodec extends FileCodec {
    private static final String DEVICES = "MFADevices", VIRTUAL_DEVICES = "VirtualMFADevices", VIRTUAL_USER = "User",
            USER_NAME = "UserName", SERIAL = "SerialNumber", ENABLED = "EnableDate";

    MfaDevicesCodec() {
        super(SnapshotFiles.MFA_DEVICES, SnapshotFiles.MFA_DEVICES_DIR);
    }

    @Override
    public void read(SnapshotFolder folder, SnapshotParts parts) {
        List<MfaDevice> devices = new ArrayList<>();
        for (JsonAt file : folder.jsonFileAndFolder(SnapshotFiles.MFA_DEVICES, SnapshotFiles.MFA_DEVICES_DIR)) {
            for (JsonAt d : file.list(DEVICES)) {
                devices.add(new MfaDevice(d.text(USER_NAME), d.text(SERIAL), d.instant(ENABLED)));
            }
            for (JsonAt d : file.list(VIRTUAL_DEVICES)) {
                if (d.has(VIRTUAL_USER)) { // a virtual device not assigned to anyone protects no one
                    devices.add(new MfaDevice(d.get(VIRTUAL_USER).text(USER_NAME), d.text(SERIAL), d.instant(ENABLED)));
                }
            }
        }
        parts.mfaDevices = devices;
    }

    @Override
    public void write(AccountSnapshot s, FolderOut out) {
        List<MfaDevice> devices = s.users().stream().flatMap(u -> u.mfaDevices().stream()).toList();
        if (devices.isEmpty()) {
            return;
        }
        ObjectNode o = Json.object();
        ArrayNode list = o.putArray(DEVICES);
        for (MfaDevice d : devices) {
            Json.putTime(list.addObject().put(USER_NAME, d.userName()).put(SERIAL, d.serialNumber()), ENABLED, d.enabled());
        }
        out.json(SnapshotFiles.MFA_DEVICES, o);
    }
}
