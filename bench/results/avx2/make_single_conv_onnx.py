import onnx, numpy as np
from onnx import helper, TensorProto, numpy_helper
shapes = [(7,7,1152,192),(7,7,192,1152),(14,14,512,512),(56,56,24,72),(112,112,16,48),(14,14,80,480),(7,7,320,1280)]
for h,w,ci,co in shapes:
    W = numpy_helper.from_array((np.random.rand(co,ci,1,1).astype(np.float32)-0.5)*0.1, 'W')
    B = numpy_helper.from_array(np.zeros(co, np.float32), 'B')
    n = helper.make_node('Conv', ['x','W','B'], ['y'], kernel_shape=[1,1])
    g = helper.make_graph([n], 'g', [helper.make_tensor_value_info('x', TensorProto.FLOAT, [1,ci,h,w])],
                          [helper.make_tensor_value_info('y', TensorProto.FLOAT, [1,co,h,w])], [W,B])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid('',13)]); m.ir_version = 8
    onnx.save(m, f'pw_{h}_{w}_{ci}_{co}.onnx')
