// Writes workers/interop/fixtures/recommender.drawio: a two-page draw.io file, page 1 compressed as draw.io does (URI-encode, raw DEFLATE, base64).
// Run: node scripts/makeDrawioFixture.mjs workers/interop/fixtures/recommender.drawio
import { deflateSync, strToU8 } from 'fflate';
import { writeFileSync } from 'node:fs';
const page1 = `<mxGraphModel dx="1200" dy="800" grid="1"><root>
<mxCell id="0"/><mxCell id="1" parent="0"/>
<mxCell id="gw" value="Edge API" style="sketch=0;outlineConnect=0;shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.api_gateway;" vertex="1" parent="1"><mxGeometry x="40" y="100" width="78" height="78" as="geometry"/></mxCell>
<mxCell id="svc" value="&lt;b&gt;Recommender&lt;/b&gt;&lt;br&gt;service" style="rounded=1;whiteSpace=wrap;html=1;" vertex="1" parent="1"><mxGeometry x="240" y="100" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="ddb" value="Profiles" style="sketch=0;shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.dynamodb;" vertex="1" parent="1"><mxGeometry x="480" y="20" width="78" height="78" as="geometry"/></mxCell>
<mxCell id="mem" value="Session store" style="sketch=0;html=1;shape=mxgraph.gcp2.hexIcon;prIcon=memorystore" vertex="1" parent="1"><mxGeometry x="480" y="140" width="66" height="58" as="geometry"/></mxCell>
<mxCell id="vpc" value="VPC" style="swimlane;whiteSpace=wrap;html=1;" vertex="1" parent="1"><mxGeometry x="400" y="300" width="200" height="140" as="geometry"/></mxCell>
<mxCell id="rank" value="Ranker" style="image;aspect=fixed;html=1;points=[];image=img/lib/azure2/ai_machine_learning/Machine_Learning.svg;" vertex="1" parent="vpc"><mxGeometry x="20" y="40" width="64" height="64" as="geometry"/></mxCell>
<mxCell id="sqs" value="Events" style="sketch=0;shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.sqs;" vertex="1" parent="1"><mxGeometry x="240" y="300" width="78" height="78" as="geometry"/></mxCell>
<object label="Feature &lt;i&gt;store&lt;/i&gt;" id="fs"><mxCell style="shape=cylinder3;whiteSpace=wrap;html=1;" vertex="1" parent="1"><mxGeometry x="700" y="100" width="60" height="80" as="geometry"/></mxCell></object>
<mxCell id="note" value="Draft v2" style="text;html=1;" vertex="1" parent="1"><mxGeometry x="40" y="20" width="60" height="30" as="geometry"/></mxCell>
<mxCell id="e1" style="edgeStyle=orthogonalEdgeStyle;" edge="1" parent="1" source="gw" target="svc"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e2" value="p=0.8" edge="1" parent="1" source="svc" target="ddb"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e3" value="stage=0" edge="1" parent="1" source="svc" target="mem"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e4" edge="1" parent="1" source="svc" target="rank"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e4l" value="stage=1 ×2" style="edgeLabel;html=1;" vertex="1" connectable="0" parent="e4"><mxGeometry x="-0.1" relative="1" as="geometry"/></mxCell>
<mxCell id="e5" style="dashed=1;html=1;" edge="1" parent="1" source="svc" target="sqs"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e6" value="HTTP" edge="1" parent="1" source="rank" target="fs"><mxGeometry relative="1" as="geometry"/></mxCell>
<mxCell id="e7" edge="1" parent="1" source="rank"><mxGeometry relative="1" as="geometry"><mxPoint x="800" y="400" as="targetPoint"/></mxGeometry></mxCell>
</root></mxGraphModel>`;
const page2 = `<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>
<mxCell id="a" value="Nearline Flink" style="rounded=1;" vertex="1" parent="1"><mxGeometry x="10" y="20" width="120" height="60" as="geometry"/></mxCell>
<mxCell id="b" value="Cassandra" style="shape=cylinder3;" vertex="1" parent="1"><mxGeometry x="300" y="20" width="60" height="80" as="geometry"/></mxCell>
<mxCell id="ab" edge="1" parent="1" source="a" target="b"><mxGeometry relative="1" as="geometry"/></mxCell>
</root></mxGraphModel>`;
const compress = (xml) => Buffer.from(deflateSync(strToU8(encodeURIComponent(xml)))).toString('base64');
const file = `<mxfile host="app.diagrams.net" type="device">
  <diagram id="p1" name="Online path">${compress(page1)}</diagram>
  <diagram id="p2" name="Nearline">${page2}</diagram>
</mxfile>
`;
writeFileSync(process.argv[2], file);
