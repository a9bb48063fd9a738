import { describe, expect, it } from 'vitest';
import { importBpmn } from '../../src/core/bpmn';
import type { ProcessMap } from '../../src/core/model/types';

// Small hand-written BPMN files for what the reference models do not show: nested lanes, a
// pool drawn as a black box, closed sub-processes with content, unnamed events, a step that
// reads and writes one store, files without a diagram.

const NOW = '2026-11-23T10:00:00Z';
const bpmn = (body: string, name = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs"${name ? ` name="${name}"` : ''}>${body}</bpmn:definitions>`;
const read = (body: string, fileName = 'sample.bpmn', name = '') => importBpmn(bpmn(body, name), { fileName, now: NOW });
const node = (m: ProcessMap, label: string) => m.nodes.find((n) => n.label === label)!;
const laneName = (m: ProcessMap, label: string) => m.lanes.find((l) => l.id === node(m, label).laneId)?.name;

describe('BPMN import details', () => {
  it('flattens nested lanes, naming each by its path, and puts nodes in their leaf lane', () => {
    const { workspace } = read(`
      <bpmn:collaboration id="c"><bpmn:participant id="pool" name="Company" processRef="p"/></bpmn:collaboration>
      <bpmn:process id="p">
        <bpmn:laneSet id="ls">
          <bpmn:lane id="sales" name="Sales"><bpmn:flowNodeRef>t1</bpmn:flowNodeRef><bpmn:flowNodeRef>t2</bpmn:flowNodeRef>
            <bpmn:childLaneSet id="cls">
              <bpmn:lane id="inside" name="Inside"><bpmn:flowNodeRef>t1</bpmn:flowNodeRef></bpmn:lane>
              <bpmn:lane id="field" name="Field"><bpmn:flowNodeRef>t2</bpmn:flowNodeRef></bpmn:lane>
            </bpmn:childLaneSet>
          </bpmn:lane>
          <bpmn:lane id="support" name="Support"><bpmn:flowNodeRef>t3</bpmn:flowNodeRef></bpmn:lane>
        </bpmn:laneSet>
        <bpmn:task id="t1" name="Call"/><bpmn:task id="t2" name="Visit"/><bpmn:task id="t3" name="Help"/>
      </bpmn:process>`);
    const map = workspace.maps[0]!;
    expect(map.lanes.map((l) => l.name)).toEqual(['Sales / Inside', 'Sales / Field', 'Support']);
    expect([laneName(map, 'Call'), laneName(map, 'Visit'), laneName(map, 'Help')]).toEqual(['Sales / Inside', 'Sales / Field', 'Support']);
    expect(workspace.departments.map((d) => d.name)).toEqual(['Company']);
    expect(map.lanes.every((l) => l.departmentId === workspace.departments[0]!.id)).toBe(true);
    expect(map.departmentId).toBe(workspace.departments[0]!.id);
  });

  it('gives a pool that messages reach as a whole a step named after it', () => {
    const { workspace, warnings } = read(`
      <bpmn:collaboration id="c">
        <bpmn:participant id="customer" name="Customer"/>
        <bpmn:participant id="shop" name="Shop" processRef="p"/>
        <bpmn:messageFlow id="m1" name="Order" sourceRef="customer" targetRef="take"/>
        <bpmn:messageFlow id="m2" name="Parcel" sourceRef="ship" targetRef="customer"/>
      </bpmn:collaboration>
      <bpmn:process id="p"><bpmn:startEvent id="s"/><bpmn:task id="take" name="Take order"/><bpmn:task id="ship" name="Ship"/>
        <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="take"/><bpmn:sequenceFlow id="f2" sourceRef="take" targetRef="ship"/></bpmn:process>`);
    const map = workspace.maps[0]!;
    expect(map.lanes.map((l) => l.name)).toEqual(['Customer', 'Shop']);
    const customer = node(map, 'Customer');
    expect(customer.kind).toBe('step');
    expect(laneName(map, 'Customer')).toBe('Customer');
    const messages = map.flows.filter((f) => f.kind === 'message');
    expect(messages.map((f) => [f.label, f.from === customer.id || f.to === customer.id])).toEqual([['Order', true], ['Parcel', true]]);
    expect(warnings.some((w) => /1 pool that messages reach as a whole got a step named after the pool/.test(w))).toBe(true);
  });

  it('makes a sub-process drawn closed one step, listing what it holds in its notes', () => {
    const { workspace, warnings } = read(`
      <bpmn:process id="p" name="Refunds">
        <bpmn:startEvent id="s"/>
        <bpmn:subProcess id="sub" name="Check claim">
          <bpmn:documentation>Done by the claims desk.</bpmn:documentation>
          <bpmn:startEvent id="is"/><bpmn:userTask id="it1" name="Read claim"/><bpmn:task id="it2" name="Ask for receipt"/>
          <bpmn:sequenceFlow id="if1" sourceRef="is" targetRef="it1"/>
        </bpmn:subProcess>
        <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sub"/>
      </bpmn:process>`);
    const map = workspace.maps[0]!;
    expect(map.name).toBe('Refunds');
    expect(map.nodes.map((n) => n.kind).sort()).toEqual(['start', 'step']);
    expect(node(map, 'Check claim').notes).toBe('Done by the claims desk.\n\nInside this sub-process: Read claim, Ask for receipt.');
    expect(warnings.some((w) => /1 sub-process drawn closed became a single step/.test(w))).toBe(true);
  });

  it('names unnamed events by their trigger and joins a boundary event to its task', () => {
    const { workspace, warnings } = read(`
      <bpmn:process id="p">
        <bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition/></bpmn:intermediateCatchEvent>
        <bpmn:manualTask id="t" name="Post letter"/>
        <bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:errorEventDefinition/></bpmn:boundaryEvent>
        <bpmn:task id="fix" name="Phone instead"/><bpmn:endEvent id="e"/>
        <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait"/><bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="t"/>
        <bpmn:sequenceFlow id="f3" sourceRef="t" targetRef="e"/><bpmn:sequenceFlow id="f4" sourceRef="b" targetRef="fix"/>
      </bpmn:process>`);
    const map = workspace.maps[0]!;
    expect(node(map, '(timer)').kind).toBe('step');
    const boundary = node(map, '(error)');
    const task = node(map, 'Post letter');
    expect(task.manual).toBe(true);
    expect(map.flows.some((f) => f.from === task.id && f.to === boundary.id && f.kind === 'sequence')).toBe(true);
    expect(map.flows.some((f) => f.from === boundary.id && f.to === node(map, 'Phone instead').id)).toBe(true);
    expect(warnings.some((w) => /2 intermediate or boundary events became steps/.test(w))).toBe(true);
  });

  it('reads data: one flow for a step that reads and writes a store, a catalogue entry per store name, documents and notes', () => {
    const { workspace } = read(`
      <bpmn:collaboration id="c"><bpmn:participant id="pool" name="Admissions" processRef="p"/></bpmn:collaboration>
      <bpmn:process id="p">
        <bpmn:laneSet id="ls"><bpmn:lane id="l1" name="Front desk"><bpmn:flowNodeRef>s</bpmn:flowNodeRef></bpmn:lane>
          <bpmn:lane id="l2" name="Back office"><bpmn:flowNodeRef>t</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
        <bpmn:startEvent id="s"/>
        <bpmn:task id="t" name="Update record">
          <bpmn:property id="t_in" name="__targetRef_placeholder"/>
          <bpmn:dataInputAssociation id="di"><bpmn:sourceRef>crm1</bpmn:sourceRef><bpmn:targetRef>t_in</bpmn:targetRef></bpmn:dataInputAssociation>
          <bpmn:dataInputAssociation id="di2"><bpmn:sourceRef>form</bpmn:sourceRef><bpmn:targetRef>t_in</bpmn:targetRef></bpmn:dataInputAssociation>
          <bpmn:dataOutputAssociation id="do"><bpmn:targetRef>crm1</bpmn:targetRef></bpmn:dataOutputAssociation>
          <bpmn:dataOutputAssociation id="do2"><bpmn:targetRef>crm2</bpmn:targetRef></bpmn:dataOutputAssociation>
        </bpmn:task>
        <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
        <bpmn:dataStoreReference id="crm1" name="CRM"/><bpmn:dataStoreReference id="crm2" name="crm"/>
        <bpmn:dataObjectReference id="form" name="Application form" dataObjectRef="fo"/><bpmn:dataObject id="fo"/>
        <bpmn:textAnnotation id="a"><bpmn:text>Re-keyed
by hand</bpmn:text></bpmn:textAnnotation>
        <bpmn:association id="as" sourceRef="t" targetRef="a"/>
      </bpmn:process>`);
    const map = workspace.maps[0]!;
    const task = node(map, 'Update record');
    const crm = map.nodes.filter((n) => n.kind === 'dataStore');
    expect(crm.map((n) => n.label)).toEqual(['CRM', 'crm']);
    expect(workspace.dataStores).toHaveLength(1);
    expect(new Set(crm.map((n) => n.refId))).toEqual(new Set([workspace.dataStores[0]!.id]));
    const toCrm1 = map.flows.filter((f) => [f.from, f.to].includes(crm[0]!.id));
    expect(toCrm1).toHaveLength(1);
    expect(toCrm1[0]).toMatchObject({ kind: 'data', from: task.id, access: 'readwrite' });
    expect(map.flows.find((f) => f.to === crm[1]!.id)).toMatchObject({ kind: 'data', from: task.id });
    expect(map.flows.find((f) => f.from === node(map, 'Application form').id)).toMatchObject({ kind: 'data', to: task.id });
    const note = map.nodes.find((n) => n.kind === 'note')!;
    expect(note.label).toBe('Re-keyed\nby hand');
    expect(map.flows.some((f) => f.from === task.id && f.to === note.id && f.kind === 'data')).toBe(true);
    // No diagram: laid out when opened, each store, document and note in the lane of the step it serves.
    expect(map.view.nodes).toEqual({});
    for (const n of [...crm, note, node(map, 'Application form')]) expect(n.laneId).toBe(task.laneId);
    expect(laneName(map, 'Update record')).toBe('Back office');
  });

  it('names maps after the file when nothing in it has a name, and tells several apart', () => {
    const { workspace } = read(`<bpmn:process id="a"><bpmn:task id="t1" name="One"/></bpmn:process>
      <bpmn:process id="b"><bpmn:task id="t2" name="Two"/></bpmn:process>`, 'orders-2024.bpmn');
    expect(workspace.maps.map((m) => m.name)).toEqual(['orders-2024', 'orders-2024 (2)']);
    expect(workspace.maps.map((m) => m.lanes.map((l) => l.name))).toEqual([['orders-2024'], ['orders-2024 (2)']]);
    expect(workspace.maps.every((m) => m.extra?.source === 'bpmn' && m.extra.file === 'orders-2024.bpmn')).toBe(true);
  });

  it('makes one department of pools with the same name, and keeps the map department-free when pools differ', () => {
    const { workspace } = read(`
      <bpmn:collaboration id="c">
        <bpmn:participant id="p1" name="Registry" processRef="a"/><bpmn:participant id="p2" name="registry" processRef="b"/>
        <bpmn:participant id="p3" name="Finance" processRef="x"/>
      </bpmn:collaboration>
      <bpmn:process id="a"><bpmn:task id="t1" name="One"/></bpmn:process><bpmn:process id="b"><bpmn:task id="t2" name="Two"/></bpmn:process>
      <bpmn:process id="x"><bpmn:task id="t3" name="Three"/></bpmn:process>`, 'x.bpmn', 'Enrolment');
    expect(workspace.departments.map((d) => d.name)).toEqual(['Registry', 'Finance']);
    const map = workspace.maps[0]!;
    expect(map.name).toBe('Enrolment');
    expect(map.departmentId).toBeNull();
    expect(map.lanes.map((l) => workspace.departments.find((d) => d.id === l.departmentId)?.name)).toEqual(['Registry', 'Registry', 'Finance']);
  });
});
