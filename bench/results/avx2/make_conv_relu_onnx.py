# One 1x1 convolution + ReLU per ONNX file, pw_H_W_CIN_COUT.onnx, for OrtPwCold: python3 make_conv_relu_onnx.py 7,7,1152,320 ...
import onnx, numpy as np, sys
from onnx import helper, TensorProto, numpy_helper
for spec in sys.argv[1:]:
    h,w,ci,co = map(int, spec.split(','))
    W = numpy_helper.from_array((np.random.rand(co,ci,1,1).astype(np.float32)-0.5)*0.1, 'W')
    B = numpy_helper.from_array(np.zeros(co, np.float32), 'B')
    n = helper.make_node('Conv', ['x','W','B'], ['c'], kernel_shape=[1,1])
    r = helper.make_node('Relu', ['c'], ['y'])
    g = helper.make_graph([n, r], 'g', [helper.make_tensor_value_info('x', TensorProto.FLOAT, [1,ci,h,w])],
                          [helper.make_tensor_value_info('y', TensorProto.FLOAT, [1,co,h,w])], [W,B])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid('',13)]); m.ir_version = 8
    onnx.save(m, f'pw_{h}_{w}_{ci}_{co}.onnx')
