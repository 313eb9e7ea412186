package org.patientpartner.jmh.jmh_generated;
public class AppFlowBench_jmhType extends AppFlowBench_jmhType_B3 {
}

