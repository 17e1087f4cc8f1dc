package iamnb.source.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.model.AccountSnapshot;
import iamnb.model.VpcEndpoint;
import iamnb.source.SnapshotFiles;
import iamnb.source.internal.JsonAt;
import java.util.Optional;

/** {@code vpc-endpoints.json}: {@code aws ec2 describe-vpc-endpoints}, with each endpoint's policy. */
final class VpcEndpointsCodec extends FileCodec {
    private static final String ENDPOINTS = "VpcEndpoints", ID = "VpcEndpointId", TYPE = "VpcEndpointType",
            VPC = "VpcId", SERVICE = "ServiceName", STATE = "State", POLICY = "PolicyDocument";

    VpcEndpointsCodec() {
        super(SnapshotFiles.VPC_ENDPOINTS);
    }

    @Override
    public void read(SnapshotFolder folder, SnapshotParts parts) {
        folder.json(SnapshotFiles.VPC_ENDPOINTS).ifPresent(f ->
                parts.vpcEndpoints = f.list(ENDPOINTS).stream().map(VpcEndpointsCodec::endpoint).toList());
    }

    private static VpcEndpoint endpoint(JsonAt e) {
        return new VpcEndpoint(e.text(ID), e.optText(VPC), e.optText(SERVICE), e.optText(TYPE), e.optText(STATE),
                e.has(POLICY) ? Optional.of(e.policy(POLICY)) : Optional.empty());
    }

    @Override
    public void write(AccountSnapshot s, FolderOut out) {
        if (s.vpcEndpoints().isEmpty()) {
            return;
        }
        ObjectNode o = Json.object();
        ArrayNode list = o.putArray(ENDPOINTS);
        for (VpcEndpoint e : s.vpcEndpoints()) {
            ObjectNode n = list.addObject().put(ID, e.id()).put(TYPE, e.type()).put(VPC, e.vpcId())
                    .put(SERVICE, e.serviceName()).put(STATE, e.state());
            e.policy().ifPresent(p -> n.put(POLICY, p.json()));
        }
        out.json(SnapshotFiles.VPC_ENDPOINTS, o);
    }
}
